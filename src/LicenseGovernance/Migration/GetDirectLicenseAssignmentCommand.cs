using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Migration
{
    /// <summary>For each user and SKU: held directly, inherited from groups (which), or both, with plan parity and the inherited state; or counts per SKU.</summary>
    [Cmdlet(VerbsCommon.Get, "DirectLicenseAssignment")]
    [OutputType(typeof(DirectLicenseAssignment), typeof(DirectLicenseSummary))]
    public sealed class GetDirectLicenseAssignmentCommand : PipedUsersCmdlet
    {
        private readonly PipedNames _skus = new PipedNames();

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter]
        public SwitchParameter Summary { get; set; }

        private protected override string[]? PipedUser => User;

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            _skus.Add(Sku);
        }

        // Piped users are read in one engine call, so -Summary counts them all together.
        private protected override void Run(string[]? users)
        {
            var request = new GetDirectLicenseAssignmentRequest { Sku = _skus.ToArray(), User = users, Summary = Summary };
            RunEngine(sink => Engine.GetDirectLicenseAssignmentsAsync(request, sink));
        }
    }
}
