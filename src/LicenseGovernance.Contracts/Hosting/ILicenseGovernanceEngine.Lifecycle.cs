using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Works out which of document 000's lifecycle workflows New-TierLifecycleWorkflow would create or change; nothing is written.</summary>
        Task<TierLifecycleWorkflowPlan> PlanTierLifecycleWorkflowsAsync(TierLifecycleWorkflowRequest request, IGovernanceSink sink);

        /// <summary>Applies the plan (after checking the tenant still matches it) and returns every workflow as it now is.</summary>
        Task<TierLifecycleWorkflow[]> ApplyTierLifecycleWorkflowPlanAsync(TierLifecycleWorkflowPlan plan, IGovernanceSink sink);
    }
}
