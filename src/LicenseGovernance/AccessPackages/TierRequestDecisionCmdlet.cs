using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Shared by Approve- and Deny-TierAssignmentRequest: the engine reads the request's current stage and checks the
    /// signed-in user may decide it, the cmdlet confirms with the PATCH body in the description, and the engine sends it.
    /// </summary>
    public abstract class TierRequestDecisionCmdlet : PlannedChangeCmdlet<TierRequestDecisionPlan, TierAssignmentRequestInfo>
    {
        /// <summary>The request's id, or a request from Get-TierAssignmentRequest (piped, or given as the value).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "RequestId")]
        [TierRequestIdTransformation]
        public Guid Request { get; set; }

        [Parameter]
        public string? Justification { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string? As { get; set; }

        internal abstract bool Approve { get; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new TierRequestDecisionRequest { RequestId = Request, Approve = Approve, Justification = Justification, As = As };
            PlanConfirmApply(sink => Engine.PlanTierRequestDecisionAsync(request, sink));
        }

        internal override Task<TierAssignmentRequestInfo> ApplyAsync(TierRequestDecisionPlan plan, IGovernanceSink sink) => Engine.ApplyTierRequestDecisionPlanAsync(plan, sink);
    }
}
