using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Pricing
{
    /// <summary>The monthly prices the module uses: yours first, then the built-in public list prices.</summary>
    [Cmdlet(VerbsCommon.Get, "LicensePrice")]
    [OutputType(typeof(LicensePrice))]
    public sealed class GetLicensePriceCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuId", "SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        protected override void ProcessRecord()
        {
            var request = new GetPriceRequest { Sku = Sku };
            RunEngine(sink => Engine.GetPricesAsync(request, sink));
        }
    }
}
