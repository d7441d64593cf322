using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// The people of an HR source as the tenant has them: every user listed once (a page of 999 at a time) with the HR
    /// attributes Entra keeps, matched to the records by user principal name (a record Entra does not know is a bad row);
    /// with -FromEntra the listing is the source itself. Their tiers are read by <see cref="TierUserReader"/>.
    /// </summary>
    internal sealed class WorkforcePeople
    {
        private static readonly string[] EntraSelect =
        {
            "id", "userPrincipalName", "accountEnabled", "userType", "employeeId", "employeeHireDate", "employeeLeaveDateTime", "department", "jobTitle", "employeeType", "companyName",
        };

        private readonly Dictionary<string, User> _byName = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The matched users by record, in the source's order.</summary>
        public List<(HrRecord Record, User User)> Matched { get; } = new List<(HrRecord, User)>();

        public static async Task<WorkforcePeople> ReadAsync(GraphSession session, HrSource source, bool fromEntra, IGovernanceSink sink)
        {
            var people = new WorkforcePeople();
            await UserStream.ReadAsync(session, EntraSelect, null, user =>
            {
                if (user.UserPrincipalName != null)
                {
                    people._byName[user.UserPrincipalName] = user;
                }
            }, sink).ConfigureAwait(false);
            if (fromEntra)
            {
                people.Describe(source, session.Now);
            }

            people.Match(source);
            return people;
        }

        /// <summary>Every member user HR knows of (an employee id or a hire date), with Entra's HR attributes as the record.</summary>
        private void Describe(HrSource source, DateTimeOffset now)
        {
            foreach (var user in _byName.Values.Where(u => u.UserType != "Guest" && (u.EmployeeId != null || u.EmployeeHireDate != null)).OrderBy(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase))
            {
                var left = user.EmployeeLeaveDateTime <= now;
                source.Records.Add(new HrRecord
                {
                    UserPrincipalName = user.UserPrincipalName!, EmployeeId = user.EmployeeId, Status = left ? HrStatus.Terminated : HrStatus.Active,
                    HireDate = user.EmployeeHireDate, TerminationDate = user.EmployeeLeaveDateTime, Department = user.Department, JobTitle = user.JobTitle,
                    EmployeeType = user.EmployeeType, CompanyName = user.CompanyName,
                });
            }
        }

        private void Match(HrSource source)
        {
            foreach (var record in source.Records.ToList())
            {
                if (_byName.TryGetValue(record.UserPrincipalName, out var user))
                {
                    Matched.Add((record, user));
                }
                else
                {
                    source.Records.Remove(record);
                    source.Reject(record, "UserPrincipalName", record.UserPrincipalName, $"the tenant has no user '{record.UserPrincipalName}'.");
                }
            }

            source.Problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        /// <summary>
        /// The matched users' tier records: the tier system read whole (its users a file at a time, only those of the source
        /// kept), then by id the people outside it (joiners, mostly).
        /// </summary>
        public async Task<Dictionary<string, TierUser>> TierUsersAsync(GraphSession session, TierSystem system, IReadOnlyDictionary<string, HashSet<Guid>> bridges, ISet<string>? only, IGovernanceSink sink)
        {
            var wanted = new HashSet<string>(Matched.Select(m => m.User.Id!.ToLowerInvariant()).Where(id => only == null || only.Contains(id)), StringComparer.OrdinalIgnoreCase);
            var found = new Dictionary<string, TierUser>(StringComparer.OrdinalIgnoreCase);
            void Keep(TierUser user)
            {
                if (wanted.Contains(user.Id))
                {
                    found[user.Id] = user;
                }
            }

            await TierUserReader.ReadAsync(session, system, WorkforcePlanner.LookAhead, null, bridges, Keep, sink).ConfigureAwait(false);
            var outside = wanted.Where(id => !found.ContainsKey(id)).ToList();
            if (outside.Count > 0)
            {
                await TierUserReader.ReadAsync(session, system, WorkforcePlanner.LookAhead, outside, bridges, Keep, sink).ConfigureAwait(false);
            }

            return found;
        }
    }
}
