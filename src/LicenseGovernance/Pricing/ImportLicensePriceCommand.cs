using System.Globalization;
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
            var request = new ImportPriceRequest { Path = GetUnresolvedProviderPathFromPSPath(Path) };
            // Check the file first, so that -WhatIf refuses a bad one (a negative price, say) as the import would.
            var prices = RunEngine(sink => Engine.CheckPriceFileAsync(request, sink));
            var action = string.Format(CultureInfo.InvariantCulture, "Import {0} monthly price(s) into your profile", prices.Count);
            if (!ShouldProcess(request.Path, action))
            {
                return;
            }

            RunEngine(sink => Engine.ImportPricesAsync(request, sink));
        }
    }
}
