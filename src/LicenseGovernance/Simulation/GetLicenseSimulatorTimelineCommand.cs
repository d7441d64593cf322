using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Simulation
{
    /// <summary>
    /// A simulated user's licence history from the simulator's licence timeline, or with -Gaps the periods without a licence:
    /// how a rehearsal proves that a tier move or an expiry left no gap.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LicenseSimulatorTimeline")]
    [OutputType(typeof(LicenseSimulatorTimelineEntry), typeof(LicenseSimulatorTimelineGap))]
    public sealed class GetLicenseSimulatorTimelineCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserPrincipalName", "UserId", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string User { get; set; } = "";

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string? Sku { get; set; }

        [Parameter]
        public SwitchParameter Gaps { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireSimulator();
        }

        protected override void ProcessRecord()
        {
            var request = new GetLicenseTimelineRequest { User = User, Sku = Sku, Gaps = Gaps.IsPresent };
            TryRunEngine(sink => Engine.GetLicenseTimelineAsync(request, sink));
        }
    }
}
