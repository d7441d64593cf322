using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// What a run that removes many licences knows between its plans: the tenant's SKUs, the groups read so far, and the
    /// memberships it already ended. A capability keeps one for the run (or derives its own run state from it) and passes it
    /// to every <see cref="LicenseRemovalPlanner.PlanAsync"/>.
    /// </summary>
    internal class LicenseRemovalRun
    {
        public LicenseRemovalRun(IReadOnlyList<LicenseSku> tenantSkus) => TenantSkus = tenantSkus;

        public IReadOnlyList<LicenseSku> TenantSkus { get; }

        /// <summary>Groups read by id (null: not found), so each is read once a run.</summary>
        public Dictionary<string, Group?> Groups { get; } = new Dictionary<string, Group?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Memberships this run ended (<see cref="MembershipKey"/>), added by whoever applies a plan: Graph still shows their
        /// licences until Entra processes the group, and ending one again would fail.
        /// </summary>
        public HashSet<string> LeftGroups { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public static string MembershipKey(string groupId, Guid userId) => groupId + "/" + userId;

        public bool HasLeft(string groupId, Guid userId) => LeftGroups.Contains(MembershipKey(groupId, userId));

        public LicenseSku? Sku(Guid skuId) => TenantSkus.FirstOrDefault(s => s.SkuId == skuId);
    }
}
