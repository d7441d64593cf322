using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>The access packages of the tier catalog, each with a readable summary of its policy and its My Access link.</summary>
    [Cmdlet(VerbsCommon.Get, "TierAccessPackage")]
    [OutputType(typeof(TierAccessPackage))]
    public sealed class GetTierAccessPackageCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "DisplayName", "TierGroup")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string[]? Tier { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

        protected override void ProcessRecord()
        {
            var request = new GetTierAccessPackageRequest { Catalog = Catalog, Tier = Tier };
            RunEngine(sink => Engine.GetTierAccessPackagesAsync(request, sink));
        }
    }
}
