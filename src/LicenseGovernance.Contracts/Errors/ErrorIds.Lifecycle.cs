namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string TierWorkflowsNeedTiers = "LicenseGovernance.TierWorkflowsNeedTiers";
        public const string TierWorkflowsNeedAccessPackages = "LicenseGovernance.TierWorkflowsNeedAccessPackages";
        public const string LifecycleWorkflowLimitReached = "LicenseGovernance.LifecycleWorkflowLimitReached";
        public const string LifecycleWorkflowPlanStale = "LicenseGovernance.LifecycleWorkflowPlanStale";

        public const string NoTierSystem = "LicenseGovernance.NoTierSystem";
        public const string TierLeaseHeld = "LicenseGovernance.TierLeaseHeld";
        public const string TierNeedsAccessPackage = "LicenseGovernance.TierNeedsAccessPackage";
        public const string TierMoveBlocked = "LicenseGovernance.TierMoveBlocked";
        public const string LookAheadInvalid = "LicenseGovernance.LookAheadInvalid";
        public const string TierWaitTimeoutInvalid = "LicenseGovernance.TierWaitTimeoutInvalid";

        public const string HrFileNotFound = "LicenseGovernance.HrFileNotFound";
        public const string HrFileInvalid = "LicenseGovernance.HrFileInvalid";
        public const string HrColumnMissing = "LicenseGovernance.HrColumnMissing";
        public const string HrRowInvalid = "LicenseGovernance.HrRowInvalid";
        public const string HrFileMostlyBad = "LicenseGovernance.HrFileMostlyBad";
        public const string WorkforceRulesInvalid = "LicenseGovernance.WorkforceRulesInvalid";
        public const string WorkforceRuleInvalid = "LicenseGovernance.WorkforceRuleInvalid";
        public const string WorkforceTierNotFound = "LicenseGovernance.WorkforceTierNotFound";
        public const string WorkforceSeatsShort = "LicenseGovernance.WorkforceSeatsShort";

        public const string OffboardingUserMissing = "LicenseGovernance.OffboardingUserMissing";
        public const string OffboardingSenderRequired = "LicenseGovernance.OffboardingSenderRequired";
        public const string OffboardingNotifyEmailInvalid = "LicenseGovernance.OffboardingNotifyEmailInvalid";
        public const string OffboardingExchangeNotConnected = "LicenseGovernance.OffboardingExchangeNotConnected";
        public const string OffboardingManagerNotFound = "LicenseGovernance.OffboardingManagerNotFound";
        public const string OffboardingStepFailed = "LicenseGovernance.OffboardingStepFailed";
    }
}
