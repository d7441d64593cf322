using LicenseGovernance.Engine.Kernel.Catalog;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel.Pricing;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Reads the tenant's subscribed SKUs and dresses them with friendly names and prices; resolves names people type.</summary>
    internal sealed class SkuDirectory
    {
        private readonly SkuCatalog _catalog;
        private readonly PriceBook _prices;

        public SkuDirectory(SkuCatalog catalog, PriceBook prices)
        {
            _catalog = catalog;
            _prices = prices;
        }

        public async Task<IReadOnlyList<LicenseSku>> ReadAsync(GraphSession session, CancellationToken cancellation)
        {
            var result = new List<LicenseSku>();
            var page = await session.CallAsync("list subscribed SKUs", "ReadSkus",
                c => c.SubscribedSkus.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            while (page != null)
            {
                result.AddRange((page.Value ?? new List<SubscribedSku>()).Select(Describe));
                if (string.IsNullOrEmpty(page.OdataNextLink))
                {
                    break;
                }

                var next = page.OdataNextLink!;
                page = await session.CallAsync("list subscribed SKUs", "ReadSkus",
                    c => c.SubscribedSkus.WithUrl(next).GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            }

            return result;
        }

        /// <summary>
        /// Finds the SKU a person meant: part number, SKU id or product name, case-insensitive. Null when nothing matches;
        /// <see cref="Suggestions"/> then gives the closest names for the error message.
        /// </summary>
        public static LicenseSku? Match(IEnumerable<LicenseSku> skus, string input)
        {
            var text = input.Trim();
            var list = skus as IReadOnlyCollection<LicenseSku> ?? skus.ToList();
            if (Guid.TryParse(text, out var id))
            {
                return list.FirstOrDefault(s => s.SkuId == id);
            }

            return list.FirstOrDefault(s => string.Equals(s.SkuPartNumber, text, StringComparison.OrdinalIgnoreCase))
                ?? list.FirstOrDefault(s => string.Equals(s.ProductName, text, StringComparison.OrdinalIgnoreCase));
        }

        public static IReadOnlyList<string> Suggestions(IEnumerable<LicenseSku> skus, string input)
        {
            var list = skus.ToList();
            var names = list.Select(s => s.SkuPartNumber).Concat(list.Where(s => s.ProductName != null).Select(s => s.ProductName!));
            return NameMatcher.Closest(input, names);
        }

        /// <summary>
        /// The one place a typed SKU name becomes SKUs: a wildcard ('SPE_*', '*E5') gives every SKU whose part number or
        /// product name it matches, anything else the one <see cref="Match"/> finds. Empty when nothing matches.
        /// </summary>
        public static IReadOnlyList<LicenseSku> Resolve(IEnumerable<LicenseSku> skus, string input)
        {
            var text = input.Trim();
            if (!WildcardPattern.HasWildcard(text))
            {
                var match = Match(skus, text);
                return match == null ? Array.Empty<LicenseSku>() : new[] { match };
            }

            var pattern = WildcardPattern.ToRegex(text);
            return skus.Where(s => pattern.IsMatch(s.SkuPartNumber) || (s.ProductName != null && pattern.IsMatch(s.ProductName))).ToList();
        }

        /// <summary>The error for a name or pattern <see cref="Resolve"/> found nothing for, with the closest names.</summary>
        public static GovernanceError NotFound(IEnumerable<LicenseSku> skus, string input)
        {
            var list = skus as IReadOnlyCollection<LicenseSku> ?? skus.ToList();
            if (!WildcardPattern.HasWildcard(input))
            {
                return Errors.SkuNotFound(input, Suggestions(list, input));
            }

            // The pattern's literal part is what the person remembers of the name ("SPE" of 'SPE_*').
            var literal = input.Replace("*", " ").Replace("?", " ").Trim();
            return Errors.SkuPatternMatchesNothing(input, Suggestions(list, literal));
        }

        /// <summary>Every SKU the catalogue knows, shaped like tenant SKUs, for resolving names while not connected.</summary>
        public IReadOnlyList<LicenseSku> CatalogSkus() =>
            _catalog.Skus.Select(s => new LicenseSku { SkuId = s.SkuId, SkuPartNumber = s.PartNumber, ProductName = s.ProductName, InCatalog = true }).ToList();

        private LicenseSku Describe(SubscribedSku sku)
        {
            var skuId = sku.SkuId ?? Guid.Empty;
            var partNumber = sku.SkuPartNumber ?? "";
            var enabled = sku.PrepaidUnits?.Enabled ?? 0;
            var consumed = sku.ConsumedUnits ?? 0;
            var price = _prices.GetPrice(skuId, partNumber);
            var (productName, inCatalog) = _catalog.DisplayName(skuId, partNumber);
            return new LicenseSku
            {
                SkuId = skuId,
                SkuPartNumber = partNumber,
                ProductName = productName,
                InCatalog = inCatalog,
                AppliesTo = sku.AppliesTo,
                CapabilityStatus = sku.CapabilityStatus,
                EnabledUnits = enabled,
                ConsumedUnits = consumed,
                AvailableUnits = Math.Max(0, enabled - consumed),
                SuspendedUnits = sku.PrepaidUnits?.Suspended ?? 0,
                WarningUnits = sku.PrepaidUnits?.Warning ?? 0,
                LockedOutUnits = sku.PrepaidUnits?.LockedOut ?? 0,
                ServicePlans = (sku.ServicePlans ?? new List<ServicePlanInfo>()).Select(p => new LicenseServicePlan
                {
                    ServicePlanId = p.ServicePlanId ?? Guid.Empty,
                    ServicePlanName = p.ServicePlanName ?? "",
                    FriendlyName = _catalog.GetServicePlanName(p.ServicePlanId ?? Guid.Empty, p.ServicePlanName),
                    ProvisioningStatus = p.ProvisioningStatus,
                    AppliesTo = p.AppliesTo,
                }).ToArray(),
                MonthlyPrice = price?.MonthlyPrice,
                Currency = price?.Currency,
                PriceSource = price?.Source,
            };
        }
    }
}
