using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Turns a tier group into the <see cref="LicenseTierGroup"/> administrators see: SKUs and plans by name, members, errors, cost.</summary>
    internal static class TierGroupDescriber
    {
        public static async Task<LicenseTierGroup> DescribeAsync(GraphSession session, TierGroupState state, IReadOnlyList<LicenseSku> tenantSkus, CancellationToken cancellation)
        {
            var id = state.Group.Id!;
            // Counted page by page, so a tier of any size costs no memory; the cost counts the members who actually hold a
            // SKU through this tier (a member in error uses no seat of it).
            var memberCount = 0;
            var holders = new Dictionary<Guid, int>();
            await TierGroupDirectory.ForEachUserMemberAsync(session, id, new[] { "id", "licenseAssignmentStates" }, user =>
            {
                memberCount++;
                foreach (var held in LicenseStates.Of(user).Where(s => s.SkuId.HasValue && LicenseStates.FromGroup(s, id) && LicenseStates.HoldsSeat(s)))
                {
                    holders[held.SkuId!.Value] = holders.TryGetValue(held.SkuId.Value, out var n) ? n + 1 : 1;
                }
            }, cancellation).ConfigureAwait(false);
            var errorCount = 0;
            await TierGroupDirectory.ForEachMemberWithLicenseErrorAsync(session, id, _ => errorCount++, cancellation).ConfigureAwait(false);

            var skus = new List<LicenseTierSku>();
            decimal? cost = 0m;
            string? currency = null;
            foreach (var license in state.Licenses)
            {
                var sku = tenantSkus.FirstOrDefault(s => s.SkuId == license.SkuId);
                var disabled = LicenseStates.Plans(license.DisabledPlans);
                var plans = sku == null ? new List<LicenseServicePlan>() : DesiredLicense.UserPlans(sku).ToList();
                skus.Add(new LicenseTierSku
                {
                    SkuId = license.SkuId ?? Guid.Empty,
                    SkuPartNumber = sku?.SkuPartNumber ?? license.SkuId.ToString(),
                    ProductName = sku?.ProductName,
                    EnabledPlans = plans.Where(p => !disabled.Contains(p.ServicePlanId)).Select(p => p.ServicePlanName).ToArray(),
                    DisabledPlans = plans.Where(p => disabled.Contains(p.ServicePlanId)).Select(p => p.ServicePlanName).ToArray(),
                });

                // A sum across currencies, or with a SKU whose price nobody knows, would be a made-up number.
                if (sku?.MonthlyPrice == null || (currency != null && !string.Equals(currency, sku.Currency, StringComparison.OrdinalIgnoreCase)))
                {
                    cost = null;
                }
                else if (cost != null)
                {
                    currency = sku.Currency;
                    cost += sku.MonthlyPrice.Value * (holders.TryGetValue(sku.SkuId, out var n) ? n : 0);
                }
            }

            return new LicenseTierGroup
            {
                GroupId = state.Id,
                DisplayName = state.Name,
                Description = state.Group.Description,
                TierRank = state.Record?.Tier ?? 0,
                IsBaseline = state.Record?.Baseline ?? false,
                MembershipType = state.IsDynamic ? "Dynamic" : "Static",
                MembershipRule = state.IsDynamic ? state.Group.MembershipRule : null,
                RuleProcessingState = state.IsDynamic ? state.Group.MembershipRuleProcessingState : null,
                Skus = skus.ToArray(),
                MemberCount = memberCount,
                ProcessingState = state.Group.LicenseProcessingState?.State,
                ErrorCount = errorCount,
                MonthlyCost = cost,
                Currency = cost == null ? null : currency,
            };
        }
    }
}
