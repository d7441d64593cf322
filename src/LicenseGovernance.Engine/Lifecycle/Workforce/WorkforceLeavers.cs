using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Leavers go through the offboarding engine (Start-LicenseOffboarding), never a second one. Until that engine is in
    /// this build, a leaver is planned and reported with the command that offboards them, and nothing is taken from them.
    /// </summary>
    internal sealed class WorkforceLeavers
    {
        /// <summary>Offboarded already: the account is disabled and holds no licence.</summary>
        public bool Done(User user, TierUser tierUser) => user.AccountEnabled == false && tierUser.SkusHeld.Count == 0;

        public Task OffboardAsync(IReadOnlyList<WorkforceStep> leavers, JournalScope journal, IGovernanceSink sink)
        {
            foreach (var step in leavers)
            {
                step.Outcome = WorkforceOutcome.Deferred;
                step.Detail = $"Last day {step.Record.TerminationDate:yyyy-MM-dd}: offboard with Start-LicenseOffboarding -User {step.User.Label}; nothing was taken from the user.";
            }

            return Task.CompletedTask;
        }
    }
}
