using System.Globalization;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError TierWorkflowsNeedTiers(int tiers, bool hasBaseline) => new GovernanceError(
            ErrorIds.TierWorkflowsNeedTiers, GovernanceErrorCategory.InvalidOperation,
            $"Document 000's workflows need at least two licence tiers, one of them the baseline; the tenant has {tiers.ToString(CultureInfo.InvariantCulture)}" +
            (hasBaseline ? "." : " and none is the baseline.") + " Create them with New-LicenseTierGroup (-Baseline on the lowest), then run again.",
            "licence tiers");

        public static GovernanceError TierWorkflowsNeedAccessPackages() => new GovernanceError(
            ErrorIds.TierWorkflowsNeedAccessPackages, GovernanceErrorCategory.InvalidOperation,
            "No licence tier has an access package, so no workflow could take a tier away: document 000's workflows end access package assignments. " +
            "Create the tiers' packages with New-TierAccessPackage, then run again.",
            "licence tiers");

        public static GovernanceError LifecycleWorkflowLimitReached(int existing, int needed, int limit) => new GovernanceError(
            ErrorIds.LifecycleWorkflowLimitReached, GovernanceErrorCategory.LimitsExceeded,
            $"The tenant has {existing.ToString(CultureInfo.InvariantCulture)} lifecycle workflows and the tiers need {needed.ToString(CultureInfo.InvariantCulture)} more; " +
            $"Entra allows {limit.ToString(CultureInfo.InvariantCulture)}. Nothing was created. Delete workflows the tenant no longer uses, or rely on Sync-LicenseTier, which needs none.",
            "lifecycle workflows");

        public static GovernanceError LifecycleWorkflowPlanStale(string workflow) => new GovernanceError(
            ErrorIds.LifecycleWorkflowPlanStale, GovernanceErrorCategory.InvalidOperation,
            $"The lifecycle workflow '{workflow}' or the tiers it serves changed after they were planned; nothing more was written. Run the command again to plan from the current state.",
            workflow);
    }
}
