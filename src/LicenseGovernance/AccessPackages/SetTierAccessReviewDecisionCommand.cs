using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// A reviewer's decision on one user's access in a review in progress (piped from Get-TierAccessReview -Decisions). The
    /// engine finds the decision among the reviewer's own and checks the review is open, the cmdlet confirms with the PATCH
    /// body in the description, and the engine sends it. A denial takes effect when the review ends.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TierAccessReviewDecision", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierAccessReviewDecision))]
    public sealed class SetTierAccessReviewDecisionCommand : PlannedChangeCmdlet<TierAccessReviewDecisionPlan, TierAccessReviewDecision>
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid DefinitionId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid InstanceId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public Guid DecisionId { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateSet("Approve", "Deny")]
        public string Decision { get; set; } = "";

        [Parameter]
        public string? Justification { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string? As { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new TierAccessReviewDecisionRequest
            {
                DefinitionId = DefinitionId, InstanceId = InstanceId, DecisionId = DecisionId, Decision = Decision, Justification = Justification, As = As,
            };
            PlanConfirmApply(sink => Engine.PlanTierAccessReviewDecisionAsync(request, sink));
        }

        internal override Task<TierAccessReviewDecision> ApplyAsync(TierAccessReviewDecisionPlan plan, IGovernanceSink sink) => Engine.ApplyTierAccessReviewDecisionPlanAsync(plan, sink);
    }
}
