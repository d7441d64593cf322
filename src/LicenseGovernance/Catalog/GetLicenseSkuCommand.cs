using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Catalog
{
    /// <summary>The tenant's subscribed SKUs with seats, service plans, friendly names and price.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseSku")]
    [OutputType(typeof(LicenseSku))]
    public sealed class GetLicenseSkuCommand : LicenseGovernanceCmdlet
    {
        /// <summary>Part number (SPE_E5), SKU id or product name; all SKUs when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuId", "SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        protected override void ProcessRecord()
        {
            var request = new GetLicenseSkuRequest { Sku = Sku };
            RunEngine(sink => Engine.GetSkusAsync(request, sink));
        }
    }
}
