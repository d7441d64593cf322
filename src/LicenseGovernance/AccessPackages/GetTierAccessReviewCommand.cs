using System;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// The access reviews of the tier packages: each review instance (start, end, status, reviewers, decisions counted), or
    /// with -Decisions each user's decision. -AssignedToMe (and -As) reads only what the signed-in reviewer reviews.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TierAccessReview", DefaultParameterSetName = InstancesSet)]
    [OutputType(typeof(TierAccessReview), ParameterSetName = new[] { InstancesSet })]
    [OutputType(typeof(TierAccessReviewDecision), ParameterSetName = new[] { DecisionsSet })]
    public sealed class GetTierAccessReviewCommand : LicenseGovernanceCmdlet
    {
        private const string InstancesSet = "Instances";
        private const string DecisionsSet = "Decisions";

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string[]? Tier { get; set; }

        /// <summary>Only this review instance (piped from Get-TierAccessReview).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("InstanceId")]
        public Guid? Instance { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DecisionsSet)]
        public SwitchParameter Decisions { get; set; }

        [Parameter]
        public SwitchParameter AssignedToMe { get; set; }

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
            var request = new GetTierAccessReviewRequest { Tier = Tier, InstanceId = Instance, Decisions = Decisions, AssignedToMe = AssignedToMe, Catalog = Catalog, As = As };
            RunEngine(sink => Engine.GetTierAccessReviewsAsync(request, sink));
        }
    }
}
