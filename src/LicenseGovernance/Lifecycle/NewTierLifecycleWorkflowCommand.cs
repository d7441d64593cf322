using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>
    /// Creates document 000's lifecycle workflows for the tenant's licence tiers, for tenants that want Entra-native
    /// automation, or brings them to the current tiers. Run again, it writes nothing. Each workflow says the gap it leaves.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TierLifecycleWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierLifecycleWorkflow))]
    public sealed class NewTierLifecycleWorkflowCommand : PlannedChangeCmdlet<TierLifecycleWorkflowPlan, TierLifecycleWorkflow[]>
    {
        [Parameter]
        public SwitchParameter NoSchedule { get; set; }

        /// <summary>The plan comes from the tenant's tiers alone: a plan that fails (no tiers, no packages, the limit) ends the command.</summary>
        protected override bool PlanFailureEndsCommand => true;

        protected override void ProcessRecord()
        {
            var request = new TierLifecycleWorkflowRequest { NoSchedule = NoSchedule };
            PlanConfirmApply(sink => Engine.PlanTierLifecycleWorkflowsAsync(request, sink));
        }

        internal override Task<TierLifecycleWorkflow[]> ApplyAsync(TierLifecycleWorkflowPlan plan, IGovernanceSink sink) => Engine.ApplyTierLifecycleWorkflowPlanAsync(plan, sink);

        internal override void WriteResult(TierLifecycleWorkflowPlan plan, TierLifecycleWorkflow[] result) => WriteObject(result, enumerateCollection: true);
    }
}
