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
    }
}
