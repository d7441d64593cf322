using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>What <see cref="LegacyDirectLicenseTenant.Create"/> builds: document 004's organisation and its variations.</summary>
    public sealed class LegacyDirectLicenseOptions
    {
        public int Users { get; set; } = 1000;

        public string SkuPartNumber { get; set; } = "ENTERPRISEPACK";

        /// <summary>Seats bought beyond the users (the direct and the group assignment of one user share one seat).</summary>
        public int SpareSeats { get; set; } = 50;

        /// <summary>Users whose old script disabled plans the group enables (YAMMER_ENTERPRISE and SWAY).</summary>
        public int PlanDifferenceUsers { get; set; }

        /// <summary>
        /// Users without a usageLocation in a tenant without a country: their direct licence predates the rule, and the
        /// group's licence fails for them (ProhibitedInUsageLocationViolation).
        /// </summary>
        public int NoUsageLocationUsers { get; set; }

        /// <summary>Users already in the group (and already inheriting, processed) before the migration.</summary>
        public int ExistingMembers { get; set; }

        public string GroupName { get; set; } = "All users";

        public int Seed { get; set; } = 4;
    }

    /// <summary>
    /// Source document 004's example: every user holds the SKU directly, assigned by an old PowerShell script, and a
    /// security group already carries the same SKU with every plan. Variations come from the options, user order is shuffled
    /// (by the seed) so the special users are spread through the listing.
    /// </summary>
    public static class LegacyDirectLicenseTenant
    {
        public static readonly string[] DisabledByScript = { "YAMMER_ENTERPRISE", "SWAY" };

        public static SimulatedTenant Create(LegacyDirectLicenseOptions options, SimulatorOptions? simulatorOptions = null)
        {
            simulatorOptions ??= new SimulatorOptions { Throttling = Throttling.ThrottlingOptions.ForTenantSize(options.Users) };
            if (options.NoUsageLocationUsers > 0)
            {
                simulatorOptions.TenantUsageLocation = null;
            }

            var tenant = SimulatedTenant.CreateEmpty(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), simulatorOptions);
            var store = tenant.Store;
            var sku = store.AddSku(options.SkuPartNumber, options.Users + options.SpareSeats);
            var disabled = DisabledByScript.Select(n => sku.ServicePlans.First(p => p.ServicePlanName == n).ServicePlanId).ToList();
            var random = new Random(options.Seed);
            var kinds = Enumerable.Range(0, options.Users).Select(i => i < options.PlanDifferenceUsers ? 1 : i < options.PlanDifferenceUsers + options.NoUsageLocationUsers ? 2 : 0)
                .OrderBy(_ => random.Next()).ToList();
            var since = tenant.Clock.UtcNow.AddYears(-2);
            var members = new List<Guid>();
            for (var i = 0; i < options.Users; i++)
            {
                var kind = kinds[i];
                var user = store.AddUser($"user{i:D5}@{tenant.DefaultDomain}", u =>
                {
                    u.DisplayName = $"User {i:D5}";
                    u.UsageLocation = kind == 2 ? null : "US";
                    u.Department = kind == 1 ? "Legacy plans" : kind == 2 ? "No location" : "Staff";
                    u.LicenseAssignmentStates.Add(new LicenseAssignmentState { SkuId = sku.SkuId, DisabledPlans = kind == 1 ? disabled.ToList() : new List<Guid>(), LastUpdatedDateTime = since });
                });
                if (kind == 0 && members.Count < options.ExistingMembers)
                {
                    members.Add(user.Id);
                }
            }

            var group = store.AddGroup(options.GroupName, g =>
            {
                g.Description = "Everyone, licensed by group (migration target)";
                g.Members.AddRange(members);
            });
            store.AssignGroupLicense(group.Id, sku.SkuId);
            store.ProcessPendingNow();
            return tenant;
        }
    }
}
