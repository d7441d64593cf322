using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
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
            RequireSimulator("Save-LicenseGovernanceSnapshot").Tenant.SaveSnapshot(path);
            sink.WriteVerbose($"Saved the simulated tenant to '{path}'.");
            return Task.CompletedTask;
        }

        public Task<LicenseSimulatorTime> GetSimulatorTimeAsync(IGovernanceSink sink) =>
            Task.FromResult(SimulatorClockMover.Describe(RequireSimulator("Get-LicenseSimulatorTime").Tenant));

        public Task<LicenseSimulatorTimePlan> PlanSimulatorTimeAsync(SetSimulatorTimeRequest request, IGovernanceSink sink) =>
            Task.FromResult(SimulatorClockMover.Plan(RequireSimulator("Set-LicenseSimulatorTime").Tenant, request));

        public Task<LicenseSimulatorTimeChange> ApplySimulatorTimePlanAsync(LicenseSimulatorTimePlan plan, IGovernanceSink sink) =>
            Task.FromResult(SimulatorClockMover.Apply(RequireSimulator("Set-LicenseSimulatorTime").Tenant, plan));

        public Task<LicenseSimulatorUserPlan> PlanSimulatorUserAsync(SetSimulatorUserRequest request, IGovernanceSink sink) =>
            WithSimulator("Set-LicenseSimulatorUser", sink, (s, _) => SimulatedUserEditor.PlanAsync(s, request, sink.Cancellation));

        public Task<IReadOnlyList<LicenseSimulatorUserChange>> ApplySimulatorUserPlanAsync(LicenseSimulatorUserPlan plan, IGovernanceSink sink) =>
            WithSimulator("Set-LicenseSimulatorUser", sink, (s, _) => SimulatedUserEditor.ApplyAsync(s, plan, sink.Cancellation));

        public Task GetLicenseTimelineAsync(GetLicenseTimelineRequest request, IGovernanceSink sink) =>
            WithSimulator("Get-LicenseSimulatorTimeline", sink, async (s, tenant) =>
            {
                await LicenseTimelineReader.WriteAsync(s, tenant, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), sink).ConfigureAwait(false);
                return true;
            });

        /// <summary>Rehearsal controls act on the simulated tenant only; not being connected gets the same answer.</summary>
        private (GraphSession Session, SimulatedTenant Tenant) RequireSimulator(string command)
        {
            var session = _session;
            return session?.Tenant != null ? (session, session.Tenant) : throw Errors.SimulatorRequired(command).ToException();
        }

        private Task<T> WithSimulator<T>(string command, IGovernanceSink sink, System.Func<GraphSession, SimulatedTenant, Task<T>> work)
        {
            var (session, tenant) = RequireSimulator(command);
            return WithGraph(sink, _ => work(session, tenant));
        }
    }
}
