using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Usage;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>
    /// Gives the demo tenant's users what the usage reports show, derived from their sign-ins and licences. It draws from
    /// its own seeded Random after the directory is built, so the directory itself is the same with or without it.
    /// </summary>
    internal static class DemoUsageSeeder
    {
        private static readonly string[] Desktop = { "Windows", "Mac" };

        /// <summary>Gives every user of <paramref name="store"/> a usage profile; any seeder may call it once its users are in (under the write lock).</summary>
        public static void Seed(TenantStore store, int seed)
        {
            var random = new Random(unchecked(seed * 17 + 5));
            foreach (var user in store.UserList)
            {
                var roll = random.Next(100);
                var desktop = Desktop[random.Next(10) < 8 ? 0 : 1];
                var offsets = Enumerable.Range(0, 12).Select(_ => random.Next(0, 7)).ToArray();
                var activation = random.Next(1, 30);
                user.Usage = Profile(store, user, roll, desktop, offsets, activation);
            }

            // The demo's administrator has already turned concealment off, so rehearsals show names.
            store.DisplayConcealedNamesCore = false;
        }

        /// <summary>
        /// Four kinds of worker, by <paramref name="roll"/>: mail and meetings (35%), Office on the desktop (35%), web and
        /// mobile only (15%), everything (15%). Only licensed workloads are used, and nothing after the latest sign-in.
        /// </summary>
        private static UsageProfile? Profile(TenantStore store, SimulatedUser user, int roll, string desktop, int[] offsets, int activationDays)
        {
            var last = UsageReportBuilder.LatestSignIn(user);
            var licensed = UsageReportBuilder.LicensedWorkloads(store, user);
            if (last == null || licensed.Count == 0)
            {
                return null;
            }

            var hasDesktopApps = UsageReportBuilder.HasDesktopApps(store, user);
            string[] workloads;
            (string App, string Platform)[] apps;
            if (roll < 35)
            {
                workloads = new[] { "Exchange", "Teams" };
                apps = new[] { ("Outlook", desktop), ("Teams", desktop), ("Teams", "Mobile"), ("Outlook", "Mobile") };
            }
            else if (roll < 70)
            {
                workloads = new[] { "Exchange", "Teams", "OneDrive", "SharePoint" };
                apps = new[] { ("Outlook", desktop), ("Word", desktop), ("Excel", desktop), ("PowerPoint", desktop), ("Teams", desktop) };
            }
            else if (roll < 85)
            {
                workloads = new[] { "Exchange", "Teams", "SharePoint" };
                apps = new[] { ("Outlook", "Web"), ("Word", "Web"), ("Excel", "Web"), ("Teams", "Web"), ("Teams", "Mobile") };
            }
            else
            {
                workloads = UsageReportBuilder.Workloads;
                apps = new[] { ("Outlook", desktop), ("Word", desktop), ("Excel", desktop), ("PowerPoint", desktop), ("OneNote", desktop), ("Teams", desktop), ("Word", "Web"), ("Excel", "Web"), ("Teams", "Mobile"), ("Outlook", "Mobile") };
            }

            var profile = new UsageProfile();
            DateTimeOffset Before(int i) => Max(last.Value.AddDays(-offsets[i % offsets.Length]), user.CreatedDateTime);
            var used = workloads.Where(licensed.ContainsKey).ToList();
            for (var i = 0; i < used.Count; i++)
            {
                var at = Before(i);
                switch (used[i])
                {
                    case "Exchange": profile.ExchangeLastActivity = at; break;
                    case "OneDrive": profile.OneDriveLastActivity = at; break;
                    case "SharePoint": profile.SharePointLastActivity = at; break;
                    case "Skype For Business": profile.SkypeForBusinessLastActivity = at; break;
                    case "Yammer": profile.YammerLastActivity = at; break;
                    case "Teams": profile.TeamsLastActivity = at; break;
                }
            }

            var k = used.Count;
            foreach (var (app, platform) in apps)
            {
                // Teams needs its plan, Outlook a mailbox, the other apps Office (which in the browser rides on SharePoint).
                var needs = app == "Teams" ? "Teams" : app == "Outlook" ? "Exchange" : "SharePoint";
                if (!licensed.ContainsKey(needs))
                {
                    continue;
                }

                // Without the desktop apps in any licence, Office is used in the browser instead.
                var on = app != "Teams" && Array.IndexOf(Desktop, platform) >= 0 && !hasDesktopApps ? "Web" : platform;
                profile.AppLastUsed[$"{app} ({on})"] = Before(k++);
                if (app != "Teams" && Array.IndexOf(Desktop, on) >= 0)
                {
                    profile.AppsLastActivation ??= Min(user.CreatedDateTime.AddDays(activationDays), last.Value);
                }
            }

            return profile;
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
