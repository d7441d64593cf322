using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>
    /// The parameters that say what counts as a zombie licence, shared by Get-ZombieLicense and Get-LicenseUtilization so
    /// both judge alike; a derived command hands <see cref="ZombieRequest"/> to its engine call.
    /// </summary>
    public abstract class ZombieQueryCmdlet : LicenseGovernanceCmdlet
    {
        private readonly PipedNames _skus = new PipedNames();

        /// <summary>Binds SkuPartNumber from piped rows (Get-LicenseSku, Get-LicensePrice), gathered across the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        [Parameter]
        [ValidateRange(GetZombieLicenseRequest.MinInactiveDays, GetZombieLicenseRequest.MaxInactiveDays)]
        public int InactiveDays { get; set; } = 90;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public ZombieReason[]? Reason { get; set; }

        [Parameter]
        public SwitchParameter IncludeGuests { get; set; }

        protected override void ProcessRecord() => _skus.Add(Sku);

        protected GetZombieLicenseRequest ZombieRequest() =>
            new GetZombieLicenseRequest { InactiveDays = InactiveDays, Reason = Reason, Sku = _skus.ToArray(), IncludeGuests = IncludeGuests };
    }
}
