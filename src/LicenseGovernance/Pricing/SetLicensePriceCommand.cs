using System.Globalization;
using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Pricing
{
    /// <summary>Sets your own monthly per-seat price for a SKU; it overrides the built-in list price and is kept in your profile.</summary>
    [Cmdlet(VerbsCommon.Set, "LicensePrice", SupportsShouldProcess = true)]
    [OutputType(typeof(LicensePrice))]
    public sealed class SetLicensePriceCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuId", "SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string Sku { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Price")]
        public decimal MonthlyPrice { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^[A-Za-z]{3}$")]
        public string Currency { get; set; } = "";

        protected override void ProcessRecord()
        {
            // Check first, so that -WhatIf names the real SKU, and an unknown SKU or a bad price (a negative one, say)
            // fails before anything is asked; piped rows after a bad one still go on.
            var request = new SetPriceRequest { Sku = Sku, MonthlyPrice = MonthlyPrice, Currency = Currency };
            if (!TryRunEngine(sink => Engine.CheckPriceAsync(request, sink), out var partNumber))
            {
                return;
            }

            var action = string.Format(CultureInfo.InvariantCulture, "Set the monthly price to {0:0.00} {1}", MonthlyPrice, Currency.ToUpperInvariant());
            if (!ShouldProcess(partNumber, action))
            {
                return;
            }

            request.Sku = partNumber;
            WriteObject(RunEngine(sink => Engine.SetPriceAsync(request, sink)));
        }
    }
}
