using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Catalog
{
    /// <summary>Reads Microsoft's "Product names and service plan identifiers for licensing" CSV to extend the friendly names.</summary>
    [Cmdlet(VerbsData.Import, "LicenseCatalog", SupportsShouldProcess = true)]
    [OutputType(typeof(LicenseCatalogImportResult))]
    public sealed class ImportLicenseCatalogCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Keep the imported names in the user profile for later sessions too.</summary>
        [Parameter]
        public SwitchParameter Persist { get; set; }

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            var action = Persist ? "Import the licensing catalogue and save it to your profile" : "Import the licensing catalogue for this session";
            if (!ShouldProcess(path, action))
            {
                return;
            }

            var request = new ImportCatalogRequest { Path = path, Persist = Persist };
            WriteObject(RunEngine(sink => Engine.ImportCatalogAsync(request, sink)));
        }
    }
}
