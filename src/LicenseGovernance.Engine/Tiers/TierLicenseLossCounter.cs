using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>
    /// Counts, from the members as read, what a tier change takes from them: each SKU the tier stops carrying and each
    /// service plan it switches off in a SKU it keeps. Only a member who holds it from no other source loses it: a direct
    /// assignment or another group still gives a SKU, and any other licence the member holds, or that the tier still
    /// carries, can give a plan.
    /// </summary>
    internal static class TierLicenseLossCounter
    {
        /// <returns>One loss per SKU or plan that some member holds from the tier now.</returns>
        public static List<TierLicenseLoss> Count(TierGroupState tier, IReadOnlyList<DesiredLicense> desired, IReadOnlyList<LicenseSku> tenantSkus, IReadOnlyList<User> members)
        {
            var groupId = tier.Group.Id!;
            var losses = new List<TierLicenseLoss>();
            foreach (var license in tier.Licenses.Where(l => l.SkuId.HasValue))
            {
                var skuId = license.SkuId!.Value;
                var holders = members.Where(u => LicenseStates.Held(u, skuId).Any(s => LicenseStates.FromGroup(s, groupId))).ToList();
                var kept = desired.FirstOrDefault(d => d.SkuId == skuId);
                if (kept == null)
                {
                    var name = tenantSkus.FirstOrDefault(s => s.SkuId == skuId)?.SkuPartNumber ?? skuId.ToString();
                    losses.Add(Loss(name, null, holders, u => LicenseStates.Held(u, skuId).Any(s => !LicenseStates.FromGroup(s, groupId))));
                    continue;
                }

                var wasOff = LicenseStates.Plans(license.DisabledPlans);
                foreach (var plan in DesiredLicense.UserPlans(kept.Sku).Where(p => kept.DisabledPlans.Contains(p.ServicePlanId) && !wasOff.Contains(p.ServicePlanId)))
                {
                    losses.Add(Loss(kept.Sku.SkuPartNumber, plan.ServicePlanName, holders,
                        u => desired.Any(d => d.SkuId != skuId && d.EnabledPlans.Any(p => p.ServicePlanId == plan.ServicePlanId))
                            || EnabledElsewhere(u, plan.ServicePlanId, groupId, tenantSkus)));
                }
            }

            return losses.Where(l => l.Holders > 0).ToList();
        }

        private static TierLicenseLoss Loss(string sku, string? plan, List<User> holders, Func<User, bool> keeps) => new TierLicenseLoss
        {
            SkuPartNumber = sku,
            ServicePlan = plan,
            Holders = holders.Count,
            Losing = holders.Count(u => !keeps(u)),
        };

        /// <summary>True when a licence the member holds from outside the tier has the plan switched on.</summary>
        private static bool EnabledElsewhere(User user, Guid planId, string groupId, IReadOnlyList<LicenseSku> tenantSkus) =>
            LicenseStates.Of(user).Any(s => !LicenseStates.FromGroup(s, groupId) && LicenseStates.HoldsSeat(s)
                && !LicenseStates.Plans(s.DisabledPlans).Contains(planId)
                && tenantSkus.Any(k => k.SkuId == s.SkuId && k.ServicePlans.Any(p => p.ServicePlanId == planId)));
    }
}
