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
    
        public const string OffboardingUserMissing = "LicenseGovernance.OffboardingUserMissing";
        public const string OffboardingSenderRequired = "LicenseGovernance.OffboardingSenderRequired";
        public const string OffboardingNotifyEmailInvalid = "LicenseGovernance.OffboardingNotifyEmailInvalid";
        public const string OffboardingExchangeNotConnected = "LicenseGovernance.OffboardingExchangeNotConnected";
        public const string OffboardingManagerNotFound = "LicenseGovernance.OffboardingManagerNotFound";
        public const string OffboardingStepFailed = "LicenseGovernance.OffboardingStepFailed";
    }
}
