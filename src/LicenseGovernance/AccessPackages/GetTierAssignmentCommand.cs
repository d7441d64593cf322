using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>Who holds which tier through an access package: since, until, policy and days left.</summary>
    [Cmdlet(VerbsCommon.Get, "TierAssignment")]
    [OutputType(typeof(TierAssignment))]
    public sealed class GetTierAssignmentCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserPrincipalName", "UserId", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string? User { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string? Tier { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int? ExpiringWithinDays { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

        protected override void ProcessRecord()
        {
            var request = new GetTierAssignmentRequest { User = User, Tier = Tier, ExpiringWithinDays = ExpiringWithinDays, Catalog = Catalog };
            RunEngine(sink => Engine.GetTierAssignmentsAsync(request, sink));
        }
    }
}
