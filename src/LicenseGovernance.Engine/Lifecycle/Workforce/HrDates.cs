using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Writes HR's hire date and last day to the user in Entra (employeeHireDate, employeeLeaveDateTime), journaled with
    /// what Entra had, so lifecycle workflows triggered by those attributes see what HR sees. employeeLeaveDateTime needs
    /// User-LifeCycleInfo.ReadWrite.All besides User.ReadWrite.All (Graph v1.0, "Set employeeLeaveDateTime").
    /// </summary>
    internal static class HrDates
    {
        public static readonly string[] Select = { "employeeHireDate", "employeeLeaveDateTime" };

        public static Task WriteAsync(GraphSession session, JournalScope journal, WorkforceStep step, CancellationToken cancellation)
        {
            var before = new Dictionary<string, object?> { ["employeeHireDate"] = step.EntraHireDate, ["employeeLeaveDateTime"] = step.EntraLeaveDate }.Where(p => step.Dates.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            var patch = new User();
            if (step.Dates.TryGetValue("employeeHireDate", out var hire))
            {
                patch.EmployeeHireDate = hire;
            }

            if (step.Dates.TryGetValue("employeeLeaveDateTime", out var leave))
            {
                patch.EmployeeLeaveDateTime = leave;
            }

            var capability = step.Dates.ContainsKey("employeeLeaveDateTime") ? "WriteLifecycleInfo" : "ManageUserExtensions";
            return journal.RunAsync(ChangeIntents.Other("User.SetHrDates", "user", step.User.Id, step.User.UserPrincipalName, before, step.Dates), () =>
                session.CallAsync("write the HR dates of " + step.User.Label, capability, async c =>
                {
                    await c.Users[step.User.Id].PatchAsync(patch, cancellationToken: cancellation).ConfigureAwait(false);
                    return true;
                }, cancellation), cancellation);
        }
    }
}
