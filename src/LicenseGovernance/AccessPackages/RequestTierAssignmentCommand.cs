using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// The signed-in user's own request for a tier package, as My Access sends it (userAdd), or for more time on the one they
    /// hold (-Extend, userExtend). Checked against the policy the user falls under before anything is sent.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Request, "TierAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierAssignmentRequestInfo))]
    public sealed class RequestTierAssignmentCommand : PlannedChangeCmdlet<TierRequestPlan, TierAssignmentRequestInfo>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("AccessPackage")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string Tier { get; set; } = "";

        [Parameter]
        public string? Justification { get; set; }

        /// <summary>Either this or -Days (the engine refuses both); neither takes the policy's end.</summary>
        [Parameter]
        public DateTimeOffset? EndDate { get; set; }

        [Parameter]
        [ValidateRange(1, 3650)]
        public int? Days { get; set; }

        [Parameter]
        public SwitchParameter Extend { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

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
            var request = new RequestTierAssignmentRequest
            {
                Tier = Tier,
                Catalog = Catalog,
                Justification = Justification,
                EndDate = EndDate?.ToUniversalTime(),
                Days = Days,
                Extend = Extend.IsPresent,
                As = As,
            };
            PlanConfirmApply(sink => Engine.PlanTierRequestAsync(request, sink));
        }

        internal override Task<TierAssignmentRequestInfo> ApplyAsync(TierRequestPlan plan, IGovernanceSink sink) => Engine.ApplyTierRequestPlanAsync(plan, sink);
    }
}
