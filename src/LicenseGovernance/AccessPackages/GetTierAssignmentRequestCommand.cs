using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>Requests for the tier packages and what each waits for: the stage, and who can decide it.</summary>
    [Cmdlet(VerbsCommon.Get, "TierAssignmentRequest")]
    [OutputType(typeof(TierAssignmentRequestInfo))]
    public sealed class GetTierAssignmentRequestCommand : LicenseGovernanceCmdlet
    {
        [Parameter]
        [ValidateSet("Pending", "Delivered", "Denied", "Canceled", "DeliveryFailed")]
        public string? State { get; set; }

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
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

        protected override void ProcessRecord()
        {
            var request = new GetTierAssignmentRequestQuery { State = State, User = User, Tier = Tier, Catalog = Catalog };
            RunEngine(sink => Engine.GetTierAssignmentRequestsAsync(request, sink));
        }
    }
}
