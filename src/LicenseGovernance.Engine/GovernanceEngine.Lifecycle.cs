using System.Threading.Tasks;
using LicenseGovernance.Engine.Lifecycle;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task<TierLifecycleWorkflowPlan> PlanTierLifecycleWorkflowsAsync(TierLifecycleWorkflowRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierWorkflowProvisioner.PlanAsync(s, request, sink.Cancellation));

        public Task<TierLifecycleWorkflow[]> ApplyTierLifecycleWorkflowPlanAsync(TierLifecycleWorkflowPlan plan, IGovernanceSink sink) =>
            WithGraph(sink, s => TierWorkflowProvisioner.ApplyAsync(s, plan, BeginJournal(s, "New-TierLifecycleWorkflow", sink), sink.Cancellation));
    }
}
