using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// The bridges tier moves added and have not removed yet, from the change journal: after a crash between a bridge and
    /// the move it served, the journal names users the tenant alone could not tell from anyone holding a licence directly.
    /// </summary>
    internal static class TierBridgeJournal
    {
        /// <summary>The commands whose direct assignments are bridges.</summary>
        public static readonly string[] Commands = { "Sync-LicenseTier", "Move-UserLicenseTier", "Remove-TierAccessPackage", "Sync-WorkforceLicense" };

        /// <summary>Bridges older than this are left to the tenant's own evidence; the journal of years is not read for them.</summary>
        private static readonly TimeSpan Horizon = TimeSpan.FromDays(31);

        /// <summary>User id (lower case) to the SKUs a tier move added directly and did not remove, for the tenant connected.</summary>
        public static IReadOnlyDictionary<string, HashSet<Guid>> Read(JournalFile file, string? tenantId, DateTimeOffset now)
        {
            var bridges = new Dictionary<string, HashSet<Guid>>(StringComparer.OrdinalIgnoreCase);
            // Only the tier moves' recent direct changes are kept from the read: the journal of years is not held for them.
            var changes = file.Read(e => Counts(e, tenantId, now)).Entries;
            foreach (var entry in changes.Where(e => e.Status != LicenseChangeStatus.Failed))
            {
                var before = DirectLicense.ListFrom(entry.Before).Select(l => l.SkuId).ToList();
                var after = DirectLicense.ListFrom(entry.After).Select(l => l.SkuId).ToList();
                if (!bridges.TryGetValue(entry.TargetId, out var skus))
                {
                    bridges[entry.TargetId] = skus = new HashSet<Guid>();
                }

                skus.UnionWith(after.Except(before));
                skus.ExceptWith(before.Except(after));
            }

            return bridges.Where(b => b.Value.Count > 0).ToDictionary(b => b.Key, b => b.Value, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>A direct licence change by a tier move in this tenant, recent (whether it reached the tenant is known later).</summary>
        private static bool Counts(JournalEntry entry, string? tenantId, DateTimeOffset now) =>
            entry.Operation == ChangeIntents.UserAssignLicense
            && Commands.Contains(entry.Command, StringComparer.OrdinalIgnoreCase)
            && string.Equals(entry.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
            && entry.Time >= now - Horizon;
    }
}
