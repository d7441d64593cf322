using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>The tenant's tiers, lowest rank first, with their packages and the SKUs' plans: what every tier decision reads.</summary>
    internal sealed class TierSystem
    {
        private readonly Dictionary<string, LifecycleTier> _byId;
        private readonly Dictionary<string, LifecycleTier> _byPackage;

        private TierSystem(IReadOnlyList<LifecycleTier> tiers, IReadOnlyList<LicenseSku> skus)
        {
            Tiers = tiers;
            Skus = skus;
            _byId = tiers.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
            _byPackage = new Dictionary<string, LifecycleTier>(StringComparer.OrdinalIgnoreCase);
            foreach (var tier in tiers)
            {
                foreach (var id in tier.PackageIds)
                {
                    _byPackage[id] = tier;
                }
            }

            Baseline = tiers.FirstOrDefault(t => t.IsBaseline) ?? tiers[0];
            TierSkus = new HashSet<Guid>(tiers.SelectMany(t => t.SkuIds));
        }

        public IReadOnlyList<LifecycleTier> Tiers { get; }

        /// <summary>The tier everyone falls back to: the one marked baseline, else the lowest rank.</summary>
        public LifecycleTier Baseline { get; }

        public IReadOnlyList<LicenseSku> Skus { get; }

        /// <summary>Every SKU some tier carries.</summary>
        public HashSet<Guid> TierSkus { get; }

        public IEnumerable<string> PackageIds => _byPackage.Keys;

        /// <summary>Reads the tiers and the packages that hand them out; throws NoTierSystem when the tenant has no tier.</summary>
        public static async Task<TierSystem> ReadAsync(GraphSession session, IReadOnlyList<LicenseSku> skus, CancellationToken cancellation)
        {
            var groups = await TierGroupDirectory.ListTiersAsync(session, cancellation).ConfigureAwait(false);
            if (groups.Count == 0)
            {
                throw Errors.NoTierSystem().ToException();
            }

            var packages = await AccessPackageDirectory.AllPackagesAsync(session, cancellation).ConfigureAwait(false);
            return new TierSystem(groups.Select(g => new LifecycleTier(g, skus, packages)).ToList(), skus);
        }

        public LifecycleTier? Tier(string? groupId) => groupId != null && _byId.TryGetValue(groupId, out var tier) ? tier : null;

        public LifecycleTier? TierOfPackage(string? packageId) => packageId != null && _byPackage.TryGetValue(packageId, out var tier) ? tier : null;

        public HashSet<string> MailboxPlans(IEnumerable<DirectLicense> licenses) => LifecycleTier.MailboxPlansOf(licenses, Skus);

        public string SkuName(Guid skuId) => Skus.FirstOrDefault(s => s.SkuId == skuId)?.SkuPartNumber ?? skuId.ToString();

        /// <summary>A tier named by its group's name or id, or by a package that hands it out; null when none matches.</summary>
        public LifecycleTier? Find(string name) =>
            Tiers.FirstOrDefault(t => string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? Tiers.FirstOrDefault(t => t.Packages.Any(p => string.Equals(p.DisplayName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Id, name, StringComparison.OrdinalIgnoreCase)));
    }
}
