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
        /// Users the reports list, in creation order: everyone holding a licence whose assignment the report has caught up
        /// with (on or before the refresh date). A user licensed since then appears in tomorrow's report.
        /// </summary>
        public static IEnumerable<SimulatedUser> ReportedUsers(TenantStore store, DateTime refresh) =>
            store.UserList.Where(u => u.LicenseAssignmentStates.Any(s => s.HoldsSeat && s.LastUpdatedDateTime.UtcDateTime.Date <= refresh));

        public static ActiveUserRow ActiveUser(TenantStore store, SimulatedUser user, DateTime refresh, bool conceal, string tenantId)
        {
            var plans = LicensedWorkloads(store, user);
            var row = new ActiveUserRow
            {
                UserPrincipalName = conceal ? Conceal(tenantId, user.UserPrincipalName) : user.UserPrincipalName,
                DisplayName = conceal ? Conceal(tenantId, user.UserPrincipalName) : user.DisplayName ?? string.Empty,
                AssignedProducts = string.Join("+", TenantStore.HeldSkus(user)
                    .Select(id => store.SkuList.FirstOrDefault(s => s.SkuId == id)?.SkuPartNumber)
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

        /// <summary>Per workload the user holds an enabled plan for, the earliest date a licence carrying it was assigned.</summary>
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
