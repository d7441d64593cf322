using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Compares what two assignments of one SKU enable, plan by plan, over the plans a user can hold.</summary>
    internal static class PlanParity
    {
        public static HashSet<Guid> Enabled(LicenseSku sku, IEnumerable<Guid> disabled)
        {
            var off = new HashSet<Guid>(disabled);
            return new HashSet<Guid>(DesiredLicense.UserPlans(sku).Select(p => p.ServicePlanId).Where(p => !off.Contains(p)));
        }

        /// <summary>
        /// What several assignments of one SKU give together: Entra enables the union of the plans of every assignment that
        /// works (document 003: a member of two E3 groups with different plans holds both groups' plans), and while none
        /// works yet, the union of what they would give.
        /// </summary>
        public static HashSet<Guid> EnabledUnion(LicenseSku sku, IReadOnlyList<LicenseState> states)
        {
            var working = states.Where(LicenseStates.HoldsSeat).ToList();
            var enabled = new HashSet<Guid>();
            foreach (var state in working.Count > 0 ? working : states)
            {
                enabled.UnionWith(Enabled(sku, state.DisabledPlans));
            }

            return enabled;
        }

        /// <summary>Plan names enabled only by the first set, and only by the second.</summary>
        public static (string[] OnlyFirst, string[] OnlySecond) Differences(LicenseSku sku, HashSet<Guid> first, HashSet<Guid> second)
        {
            string Name(Guid id) => sku.ServicePlans.FirstOrDefault(p => p.ServicePlanId == id)?.ServicePlanName ?? id.ToString();
            return (first.Except(second).Select(Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray(),
                second.Except(first).Select(Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray());
        }

        public static string[] Names(LicenseSku sku, IEnumerable<Guid> plans) =>
            plans.Select(id => sku.ServicePlans.FirstOrDefault(p => p.ServicePlanId == id)?.ServicePlanName ?? id.ToString())
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
