namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string TierWorkflowsNeedTiers = "LicenseGovernance.TierWorkflowsNeedTiers";
        public const string TierWorkflowsNeedAccessPackages = "LicenseGovernance.TierWorkflowsNeedAccessPackages";
        public const string LifecycleWorkflowLimitReached = "LicenseGovernance.LifecycleWorkflowLimitReached";
        public const string LifecycleWorkflowPlanStale = "LicenseGovernance.LifecycleWorkflowPlanStale";
    }
}
