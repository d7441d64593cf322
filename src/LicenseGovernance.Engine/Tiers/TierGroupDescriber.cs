using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Sessions;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Turns a tier group into the <see cref="LicenseTierGroup"/> administrators see: SKUs and plans by name, members, errors, cost.</summary>
    internal static class TierGroupDescriber
    {
        public static async Task<LicenseTierGroup> DescribeAsync(GraphSession session, TierGroupState state, IReadOnlyList<LicenseSku> tenantSkus, CancellationToken cancellation)
        {
            var id = state.Group.Id!;
            var members = await TierGroupDirectory.UserMembersAsync(session, id, new[] { "id" }, cancellation).ConfigureAwait(false);
            var inError = await TierGroupDirectory.MembersWithLicenseErrorsAsync(session, id, cancellation).ConfigureAwait(false);

            var skus = new List<LicenseTierSku>();
            decimal? cost = 0m;
            string? currency = null;
            foreach (var license in state.Licenses)
            {
                var sku = tenantSkus.FirstOrDefault(s => s.SkuId == license.SkuId);
                var disabled = new HashSet<Guid>((license.DisabledPlans ?? new List<Guid?>()).Where(p => p.HasValue).Select(p => p!.Value));
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
                    cost += sku.MonthlyPrice.Value * members.Count;
                }
            }

            return new LicenseTierGroup
            {
                GroupId = state.Id,
                DisplayName = state.Name,
                Description = state.Group.Description,
                Tier = state.Record?.Tier ?? 0,
                IsBaseline = state.Record?.Baseline ?? false,
                MembershipType = state.IsDynamic ? "Dynamic" : "Static",
                MembershipRule = state.IsDynamic ? state.Group.MembershipRule : null,
                RuleProcessingState = state.IsDynamic ? state.Group.MembershipRuleProcessingState : null,
                Skus = skus.ToArray(),
                MemberCount = members.Count,
                ProcessingState = state.Group.LicenseProcessingState?.State,
                ErrorCount = inError.Count,
                MonthlyCost = cost,
                Currency = cost == null ? null : currency,
            };
        }
    }
}
