using System.Threading.Tasks;
using LicenseGovernance.Engine.Simulation;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task SaveSnapshotAsync(string path, IGovernanceSink sink)
        {
            RequireSimulator("Save-LicenseGovernanceSnapshot").SaveSnapshot(path);
            sink.WriteVerbose($"Saved the simulated tenant to '{path}'.");
            return Task.CompletedTask;
        }

        public Task<LicenseSimulatorTime> GetSimulatorTimeAsync(IGovernanceSink sink) =>
            Task.FromResult(SimulatorClockMover.Describe(RequireSimulator("Get-LicenseSimulatorTime")));

        public Task<LicenseSimulatorTimePlan> PlanSimulatorTimeAsync(SetSimulatorTimeRequest request, IGovernanceSink sink) =>
            Task.FromResult(SimulatorClockMover.Plan(RequireSimulator("Set-LicenseSimulatorTime"), request));

        public Task<LicenseSimulatorTimeChange> ApplySimulatorTimePlanAsync(LicenseSimulatorTimePlan plan, IGovernanceSink sink) =>
            Task.FromResult(SimulatorClockMover.Apply(RequireSimulator("Set-LicenseSimulatorTime"), plan));

        /// <summary>Rehearsal controls act on the simulated tenant only; not being connected gets the same answer.</summary>
        private SimulatedTenant RequireSimulator(string command) => _session?.Tenant ?? throw Errors.SimulatorRequired(command).ToException();
    }
}
