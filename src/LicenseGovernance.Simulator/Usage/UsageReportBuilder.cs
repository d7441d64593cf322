using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Usage
{
    /// <summary>
    /// The rows of the Microsoft 365 usage reports, derived from each user's <see cref="UsageProfile"/>, sign-ins and
    /// licences. Graph's reports lag real activity by a day or two: the refresh date is the day before the clock's date,
    /// and no activity is shown after it or after the user's latest sign-in (nobody works in Microsoft 365 without one).
    /// </summary>
    internal static class UsageReportBuilder
    {
        public static readonly string[] Workloads = { "Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams" };

        public static readonly string[] Apps = { "Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams" };

        public static readonly string[] Platforms = { "Windows", "Mac", "Mobile", "Web" };

        // Which enabled service plans make the report say "Has ... License" (mailbox plans for Exchange, not Exchange Foundation).
        private static readonly Dictionary<string, string[]> WorkloadPlans = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Exchange"] = new[] { "EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_STANDARD", "EXCHANGE_S_DESKLESS" },
            ["OneDrive"] = new[] { "SHAREPOINTENTERPRISE", "SHAREPOINTSTANDARD", "SHAREPOINTDESKLESS", "ONEDRIVE_BASIC" },
            ["SharePoint"] = new[] { "SHAREPOINTENTERPRISE", "SHAREPOINTSTANDARD", "SHAREPOINTDESKLESS" },
            ["Skype For Business"] = new[] { "MCOSTANDARD" },
            ["Yammer"] = new[] { "YAMMER_ENTERPRISE" },
            ["Teams"] = new[] { "TEAMS1" },
        };

        // The report's "Assigned Products" names products in capitals, joined by '+'.
        private static readonly Dictionary<string, string> ProductNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SPE_E5"] = "MICROSOFT 365 E5",
            ["SPE_E3"] = "MICROSOFT 365 E3",
            ["SPE_F1"] = "MICROSOFT 365 F3",
            ["ENTERPRISEPREMIUM"] = "OFFICE 365 E5",
            ["ENTERPRISEPACK"] = "OFFICE 365 E3",
            ["SPB"] = "MICROSOFT 365 BUSINESS PREMIUM",
            ["POWER_BI_PRO"] = "POWER BI PRO",
            ["VISIOCLIENT"] = "VISIO PLAN 2",
            ["FLOW_FREE"] = "MICROSOFT POWER AUTOMATE FREE",
        };

        /// <summary>Whether the user holds an enabled plan with the Microsoft 365 Apps for Windows and Mac.</summary>
        public static bool HasDesktopApps(TenantStore store, SimulatedUser user) =>
            user.LicenseAssignmentStates.Where(s => s.HoldsSeat).Any(state =>
                store.SkuList.FirstOrDefault(s => s.SkuId == state.SkuId)?.ServicePlans
                    .Any(p => (p.ServicePlanName == "OFFICESUBSCRIPTION" || p.ServicePlanName == "OFFICE_BUSINESS") && !state.DisabledPlans.Contains(p.ServicePlanId)) == true);

        public static IReadOnlyList<string> AppColumns { get; } =
            Platforms.SelectMany(p => Apps.Select(a => $"{a} ({p})")).ToArray();

        /// <summary>The day the report's data runs to: the day before the clock's date.</summary>
        public static DateTime RefreshDate(DateTimeOffset now) => now.UtcDateTime.Date.AddDays(-1);

        /// <summary>
        /// Users the reports list, in creation order: everyone who held a licence at the end of the refresh date, by the
        /// licence timeline (see <see cref="LicencesAt"/>). A user licensed since then appears in tomorrow's report; one whose
        /// licence moved from a direct to a group assignment, or was re-processed, today stays listed.
        /// </summary>
        public static IEnumerable<SimulatedUser> ReportedUsers(TenantStore store, DateTime refresh) =>
            store.UserList.Where(u => LicensesAt(store, u, refresh, withWorkloads: false).Skus.Count > 0);

        /// <summary>
        /// The active-user report's row of each user it lists (see <see cref="ReportedUsers"/>), the licence timeline replayed
        /// once per user for both the listing and the row's workloads.
        /// </summary>
        public static IEnumerable<ActiveUserRow> ActiveUsers(TenantStore store, DateTime refresh, bool conceal, string tenantId)
        {
            foreach (var user in store.UserList)
            {
                var licences = LicensesAt(store, user, refresh, withWorkloads: true);
                if (licences.Skus.Count > 0)
                {
                    yield return ActiveUser(store, user, licences, refresh, conceal, tenantId);
                }
            }
        }

        private static ActiveUserRow ActiveUser(TenantStore store, SimulatedUser user, ReportLicenses licences, DateTime refresh, bool conceal, string tenantId)
        {
            var plans = licences.Workloads;
            var concealed = conceal ? Conceal(tenantId, user.UserPrincipalName) : null;
            var row = new ActiveUserRow
            {
                UserPrincipalName = concealed ?? user.UserPrincipalName,
                DisplayName = concealed ?? user.DisplayName ?? string.Empty,
                AssignedProducts = string.Join("+", licences.Skus
                    .Select(id => store.FindSkuCore(id)?.SkuPartNumber)
                    .Where(p => p != null)
                    .Select(p => ProductNames.TryGetValue(p!, out var name) ? name : p!.ToUpperInvariant())),
            };

            var usage = user.Usage;
            DateTimeOffset?[] activity =
            {
                usage?.ExchangeLastActivity, usage?.OneDriveLastActivity, usage?.SharePointLastActivity,
                usage?.SkypeForBusinessLastActivity, usage?.YammerLastActivity, usage?.TeamsLastActivity,
            };
            for (var i = 0; i < Workloads.Length; i++)
            {
                var workload = Workloads[i];
                var licensed = plans.TryGetValue(workload, out var assigned);
                row.HasLicense[i] = licensed;
                row.LicenseAssignDate[i] = licensed ? assigned : (DateTime?)null;
                row.LastActivity[i] = Visible(activity[i], user, refresh);
            }

            return row;
        }

        public static AppUserRow AppUser(SimulatedUser user, DateTime refresh, int periodDays, bool conceal, string tenantId)
        {
            var row = new AppUserRow
            {
                UserPrincipalName = conceal ? Conceal(tenantId, user.UserPrincipalName) : user.UserPrincipalName,
                LastActivation = Visible(user.Usage?.AppsLastActivation, user, refresh),
            };
            var from = refresh.AddDays(1 - periodDays);
            foreach (var column in AppColumns)
            {
                DateTime? last = null;
                if (user.Usage != null && user.Usage.AppLastUsed.TryGetValue(column, out var used))
                {
                    last = Visible(used, user, refresh);
                }

                if (last.HasValue && (row.LastActivity == null || last > row.LastActivity))
                {
                    row.LastActivity = last;
                }

                row.Used[column] = last.HasValue && last.Value >= from;
            }

            return row;
        }

        /// <summary>
        /// Concealed reports show 32 upper-case hex characters in place of the user principal name and display name (what
        /// tenants observe). Graph's algorithm is not public; an MD5 of the tenant and the name keeps it stable per user.
        /// </summary>
        public static string Conceal(string tenantId, string value)
        {
            using var md5 = MD5.Create();
            var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(tenantId + "|" + value.ToLowerInvariant()));
            var text = new StringBuilder(32);
            foreach (var b in hash)
            {
                text.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        /// <summary>An activity as the report shows it: capped at the refresh date, and absent after the user's latest sign-in.</summary>
        private static DateTime? Visible(DateTimeOffset? activity, SimulatedUser user, DateTime refresh)
        {
            var signedIn = LatestSignIn(user);
            if (activity == null || signedIn == null)
            {
                return null;
            }

            var at = activity.Value < signedIn.Value ? activity.Value : signedIn.Value;
            var day = at.UtcDateTime.Date;
            return day > refresh ? refresh : day;
        }

        public static DateTimeOffset? LatestSignIn(SimulatedUser user)
        {
            var s = user.SignInActivity;
            if (s == null)
            {
                return null;
            }

            DateTimeOffset? latest = null;
            foreach (var t in new[] { s.LastSignInDateTime, s.LastNonInteractiveSignInDateTime, s.LastSuccessfulSignInDateTime })
            {
                if (t.HasValue && (latest == null || t.Value > latest.Value))
                {
                    latest = t;
                }
            }

            return latest;
        }

        /// <summary>
        /// What the user held at the end of the refresh date, as the report shows it: the SKUs, and per workload the day the
        /// user began to hold it without interruption (the "License Assign Date"). Read from the licence timeline, which
        /// records only changes to which source holds which SKU, so rewriting a state (a reprocess, a move from a direct to a
        /// group assignment that leaves no gap) changes nothing here; changes within one instant count as none. A source's
        /// workloads are the enabled plans of its state today (the timeline keeps no plans), or all of its SKU's plans when the
        /// state is gone. A user the timeline never saw change is judged by the states, each since its lastUpdatedDateTime.
        /// </summary>
        public static ReportLicenses LicensesAt(TenantStore store, SimulatedUser user, DateTime refresh, bool withWorkloads)
        {
            var end = new DateTimeOffset(DateTime.SpecifyKind(refresh, DateTimeKind.Utc).AddDays(1));
            var held = new List<((Guid Sku, Guid? Group) Source, DateTimeOffset Since)>();
            var starts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var carried = new Dictionary<(Guid, Guid?), string[]>();
            var events = store.LicenseTimeline.EventsFor(user.Id);
            if (events.Count == 0)
            {
                foreach (var state in user.LicenseAssignmentStates.Where(s => s.HoldsSeat && s.LastUpdatedDateTime < end))
                {
                    held.Add(((state.SkuId, state.AssignedByGroup), state.LastUpdatedDateTime));
                }

                if (withWorkloads)
                {
                    Evaluate();
                }
            }

            for (var i = 0; i < events.Count && events[i].At < end;)
            {
                var at = events[i].At;
                for (; i < events.Count && events[i].At == at; i++)
                {
                    var e = events[i];
                    var source = (e.SkuId, e.AssignedByGroup);
                    held.RemoveAll(h => h.Source == source);
                    if (e.Gained)
                    {
                        held.Add((source, at == DateTimeOffset.MinValue ? e.Since ?? Unrecorded(user, source) : at));
                    }
                }

                if (withWorkloads)
                {
                    Evaluate();
                }
            }

            return new ReportLicenses(
                held.Select(h => h.Source.Sku).Distinct().ToList(),
                starts.ToDictionary(p => p.Key, p => p.Value.UtcDateTime.Date, StringComparer.Ordinal));

            // After each instant: a workload some held source carries keeps the start it had, or starts now (the earliest
            // of its sources); one no source carries stops.
            void Evaluate()
            {
                var now = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                foreach (var (source, since) in held)
                {
                    if (!carried.TryGetValue(source, out var workloads))
                    {
                        workloads = Carried(store, user, source);
                        carried.Add(source, workloads);
                    }

                    foreach (var workload in workloads)
                    {
                        now[workload] = now.TryGetValue(workload, out var earlier) && earlier < since ? earlier : since;
                    }
                }

                foreach (var gone in starts.Keys.Where(w => !now.ContainsKey(w)).ToList())
                {
                    starts.Remove(gone);
                }

                foreach (var pair in now.Where(p => !starts.ContainsKey(p.Key)))
                {
                    starts.Add(pair.Key, pair.Value);
                }
            }
        }

        // A source held before the timeline began, in a file written before it kept when such sources started: its state's
        // lastUpdatedDateTime if it still has one, else the account's creation (a licence cannot be older than the account).
        private static DateTimeOffset Unrecorded(SimulatedUser user, (Guid Sku, Guid? Group) source) =>
            user.LicenseAssignmentStates.Find(s => s.SkuId == source.Sku && s.AssignedByGroup == source.Group)?.LastUpdatedDateTime
            ?? user.CreatedDateTime;

        private static string[] Carried(TenantStore store, SimulatedUser user, (Guid Sku, Guid? Group) source)
        {
            var sku = store.SkuList.FirstOrDefault(s => s.SkuId == source.Sku);
            if (sku == null)
            {
                return Array.Empty<string>();
            }

            var disabled = user.LicenseAssignmentStates.Find(s => s.SkuId == source.Sku && s.AssignedByGroup == source.Group)?.DisabledPlans ?? new List<Guid>();
            var enabled = new HashSet<string>(sku.ServicePlans.Where(p => !disabled.Contains(p.ServicePlanId)).Select(p => p.ServicePlanName), StringComparer.Ordinal);
            return WorkloadPlans.Where(pair => pair.Value.Any(enabled.Contains)).Select(pair => pair.Key).ToArray();
        }

        /// <summary>Per workload the user holds an enabled plan for now, the earliest date a licence carrying it was assigned.</summary>
        public static Dictionary<string, DateTime> LicensedWorkloads(TenantStore store, SimulatedUser user)
        {
            var result = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            foreach (var state in user.LicenseAssignmentStates.Where(s => s.HoldsSeat))
            {
                var sku = store.SkuList.FirstOrDefault(s => s.SkuId == state.SkuId);
                if (sku == null)
                {
                    continue;
                }

                var enabled = new HashSet<string>(sku.ServicePlans.Where(p => !state.DisabledPlans.Contains(p.ServicePlanId)).Select(p => p.ServicePlanName), StringComparer.Ordinal);
                foreach (var pair in WorkloadPlans)
                {
                    if (pair.Value.Any(enabled.Contains))
                    {
                        var date = state.LastUpdatedDateTime.UtcDateTime.Date;
                        result[pair.Key] = result.TryGetValue(pair.Key, out var earlier) && earlier < date ? earlier : date;
                    }
                }
            }

            return result;
        }
    }

    /// <summary>What a user held at the end of a refresh date: the SKUs in the order gained, and per workload the day held since.</summary>
    internal sealed class ReportLicenses
    {
        public ReportLicenses(IReadOnlyList<Guid> skus, Dictionary<string, DateTime> workloads)
        {
            Skus = skus;
            Workloads = workloads;
        }

        public IReadOnlyList<Guid> Skus { get; }

        public Dictionary<string, DateTime> Workloads { get; }
    }

    /// <summary>One row of getOffice365ActiveUserDetail; arrays follow <see cref="UsageReportBuilder.Workloads"/>.</summary>
    internal sealed class ActiveUserRow
    {
        public string UserPrincipalName { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public bool[] HasLicense { get; } = new bool[6];

        public DateTime?[] LastActivity { get; } = new DateTime?[6];

        public DateTime?[] LicenseAssignDate { get; } = new DateTime?[6];

        public string AssignedProducts { get; set; } = string.Empty;
    }

    /// <summary>One row of getM365AppUserDetail.</summary>
    internal sealed class AppUserRow
    {
        public string UserPrincipalName { get; set; } = string.Empty;

        public DateTime? LastActivation { get; set; }

        public DateTime? LastActivity { get; set; }

        /// <summary>Keyed by <see cref="UsageReportBuilder.AppColumns"/>: used on that platform within the period.</summary>
        public Dictionary<string, bool> Used { get; } = new Dictionary<string, bool>(StringComparer.Ordinal);
    }
}
