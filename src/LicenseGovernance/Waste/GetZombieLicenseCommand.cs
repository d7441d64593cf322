using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>
    /// Licences paid for nobody: one object per user and SKU with the reasons, the evidence, how the licence arrives and
    /// what it costs, written as the user pages arrive.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZombieLicense")]
    [OutputType(typeof(ZombieLicense))]
    public sealed class GetZombieLicenseCommand : LicenseGovernanceCmdlet
    {
        [Parameter]
        [ValidateRange(GetZombieLicenseRequest.MinInactiveDays, GetZombieLicenseRequest.MaxInactiveDays)]
        public int InactiveDays { get; set; } = 90;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public ZombieReason[]? Reason { get; set; }

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        [Parameter]
        public SwitchParameter IncludeGuests { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                var request = new GetZombieLicenseRequest { InactiveDays = InactiveDays, Reason = Reason, Sku = Sku, IncludeGuests = IncludeGuests };
                RunEngine(sink => Engine.GetZombieLicensesAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
