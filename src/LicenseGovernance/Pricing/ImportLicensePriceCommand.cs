using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Pricing
{
    /// <summary>Imports your prices from a CSV (Sku, MonthlyPrice, Currency) into your profile.</summary>
    [Cmdlet(VerbsData.Import, "LicensePrice", SupportsShouldProcess = true)]
    [OutputType(typeof(LicensePrice))]
    public sealed class ImportLicensePriceCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            if (!ShouldProcess(path, "Import monthly prices into your profile"))
            {
                return;
            }

            var request = new ImportPriceRequest { Path = path };
            RunEngine(sink => Engine.ImportPricesAsync(request, sink));
        }
    }
}
