using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    internal sealed class AssignedPlan
    {
        public DateTimeOffset AssignedDateTime { get; set; }

        public string CapabilityStatus { get; set; } = "Enabled";

        public string Service { get; set; } = string.Empty;

        public Guid ServicePlanId { get; set; }
    }

    /// <summary>Derives assignedLicenses and assignedPlans from licenseAssignmentStates, so the three never disagree.</summary>
    internal static class UserLicensing
    {
        /// <summary>One entry per held SKU; a plan stays disabled only if every source disables it (enabled plans are the union).</summary>
        public static List<AssignedLicense> AssignedLicenses(SimulatedUser user)
        {
            var result = new List<AssignedLicense>();
            foreach (var state in user.LicenseAssignmentStates)
            {
                if (!state.HoldsSeat)
                {
                    continue;
                }

                var existing = result.Find(l => l.SkuId == state.SkuId);
                if (existing == null)
                {
                    result.Add(new AssignedLicense { SkuId = state.SkuId, DisabledPlans = state.DisabledPlans.ToList() });
                }
                else
                {
                    existing.DisabledPlans = existing.DisabledPlans.Intersect(state.DisabledPlans).ToList();
                }
            }

            return result;
        }

        public static List<AssignedPlan> AssignedPlans(SimulatedUser user, TenantStore store)
        {
            var result = new List<AssignedPlan>();
            foreach (var license in AssignedLicenses(user))
            {
                var sku = store.FindSkuCore(license.SkuId);
                if (sku == null)
                {
                    continue;
                }

                var since = user.LicenseAssignmentStates.Where(s => s.SkuId == license.SkuId && s.HoldsSeat).Min(s => s.LastUpdatedDateTime);
                foreach (var plan in sku.ServicePlans)
                {
                    if (plan.AppliesTo != "User" || license.DisabledPlans.Contains(plan.ServicePlanId) || result.Exists(p => p.ServicePlanId == plan.ServicePlanId))
                    {
                        continue;
                    }

                    result.Add(new AssignedPlan { AssignedDateTime = since, Service = plan.Service, ServicePlanId = plan.ServicePlanId });
                }
            }

            return result;
        }

        public static bool HasMembersWithLicenseErrors(SimulatedGroup group, TenantStore store)
        {
            foreach (var memberId in group.Members)
            {
                var user = store.UserById(memberId);
                if (user != null && Licensing.GroupLicenseProcessor.HasLicenseError(group, user))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
