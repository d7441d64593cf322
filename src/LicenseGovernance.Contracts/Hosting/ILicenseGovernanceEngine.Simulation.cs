using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    /// <summary>Rehearsal controls of the simulated tenant; each refuses a real tenant with <see cref="Errors.SimulatorRequired"/>.</summary>
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Saves the simulated tenant's whole state to a file.</summary>
        Task SaveSnapshotAsync(string path, IGovernanceSink sink);

        /// <summary>The simulated clock and when its next background work falls due.</summary>
        Task<LicenseSimulatorTime> GetSimulatorTimeAsync(IGovernanceSink sink);

        /// <summary>Where the clock would go; refuses a move backwards. Changes nothing.</summary>
        Task<LicenseSimulatorTimePlan> PlanSimulatorTimeAsync(SetSimulatorTimeRequest request, IGovernanceSink sink);

        /// <summary>Moves the clock as planned, running everything that falls due on the way, and says what ran.</summary>
        Task<LicenseSimulatorTimeChange> ApplySimulatorTimePlanAsync(LicenseSimulatorTimePlan plan, IGovernanceSink sink);

        /// <summary>Validates the properties and reads the user's current values. Changes nothing.</summary>
        Task<LicenseSimulatorUserPlan> PlanSimulatorUserAsync(SetSimulatorUserRequest request, IGovernanceSink sink);

        /// <summary>Sends the planned PATCH /users/{id}; one change per property.</summary>
        Task<IReadOnlyList<LicenseSimulatorUserChange>> ApplySimulatorUserPlanAsync(LicenseSimulatorUserPlan plan, IGovernanceSink sink);

        /// <summary>
        /// Writes the user's licence history from the simulator's licence timeline, one <see cref="LicenseSimulatorTimelineEntry"/>
        /// per change, or with <see cref="GetLicenseTimelineRequest.Gaps"/> one <see cref="LicenseSimulatorTimelineGap"/> per period without a licence.
        /// </summary>
        Task GetLicenseTimelineAsync(GetLicenseTimelineRequest request, IGovernanceSink sink);
    }
}
