using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>Per SKU: seats purchased, assigned, available and assigned to zombies, and what the unused and zombie seats cost.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseUtilization")]
    [OutputType(typeof(LicenseUtilization))]
    public sealed class GetLicenseUtilizationCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Position = 0)]
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

        protected override void EndProcessing()
        {
            try
            {
                var request = new GetZombieLicenseRequest { InactiveDays = InactiveDays, Reason = Reason, Sku = Sku, IncludeGuests = IncludeGuests };
                RunEngine(sink => Engine.GetLicenseUtilizationAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
