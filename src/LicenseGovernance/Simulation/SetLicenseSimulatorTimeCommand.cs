using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Simulation
{
    /// <summary>
    /// Moves the simulated tenant's clock forward by a duration or to an instant, running everything that falls due on the
    /// way, in order: licence processing, dynamic membership, access package deliveries, removals and expiries.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LicenseSimulatorTime", SupportsShouldProcess = true, DefaultParameterSetName = AdvanceSet)]
    [OutputType(typeof(LicenseSimulatorTimeChange))]
    public sealed class SetLicenseSimulatorTimeCommand : PlannedChangeCmdlet<LicenseSimulatorTimePlan, LicenseSimulatorTimeChange>
    {
        private const string AdvanceSet = "Advance";
        private const string ToSet = "To";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AdvanceSet)]
        public TimeSpan Advance { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ToSet)]
        public DateTimeOffset To { get; set; }

        protected override bool PlanFailureEndsCommand => true;

        internal override Task<LicenseSimulatorTimeChange> ApplyAsync(LicenseSimulatorTimePlan plan, IGovernanceSink sink) => Engine.ApplySimulatorTimePlanAsync(plan, sink);

        protected override void ProcessRecord()
        {
            var request = ParameterSetName == ToSet
                ? new SetSimulatorTimeRequest { To = To.ToUniversalTime() }
                : new SetSimulatorTimeRequest { Advance = Advance };
            PlanConfirmApply(sink => Engine.PlanSimulatorTimeAsync(request, sink));
        }
    }
}
