using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>One SKU a tier should carry, with the plans it leaves off.</summary>
    internal sealed class DesiredLicense
    {
        public DesiredLicense(LicenseSku sku, IEnumerable<Guid> disabledPlans)
        {
            Sku = sku;
            DisabledPlans = disabledPlans.Distinct().OrderBy(p => p).ToList();
        }

        public LicenseSku Sku { get; }

        public Guid SkuId => Sku.SkuId;

        public IReadOnlyList<Guid> DisabledPlans { get; }

        public IEnumerable<LicenseServicePlan> EnabledPlans => UserPlans(Sku).Where(p => !DisabledPlans.Contains(p.ServicePlanId));

        public bool SameAs(Microsoft.Graph.Models.AssignedLicense current) =>
            current.SkuId == SkuId && LicenseStates.Plans(current.DisabledPlans).SetEquals(DisabledPlans);

        /// <summary>"SPE_E3 (all plans)", "SPE_E3 (all plans except YAMMER_ENTERPRISE)" or "SPE_E3 (only EXCHANGE_S_ENTERPRISE, TEAMS1)", whichever is shorter.</summary>
        public string Describe()
        {
            var enabled = EnabledPlans.Select(p => p.ServicePlanName).ToList();
            var disabled = UserPlans(Sku).Where(p => DisabledPlans.Contains(p.ServicePlanId)).Select(p => p.ServicePlanName).ToList();
            var plans = disabled.Count == 0 ? "all plans"
                : disabled.Count <= enabled.Count ? "all plans except " + string.Join(", ", disabled)
                : "only " + string.Join(", ", enabled);
            return Sku.SkuPartNumber + " (" + plans + ")";
        }

        /// <summary>Plans a user can use; Company plans are tenant-wide and meaningless to enable or disable per tier.</summary>
        public static IEnumerable<LicenseServicePlan> UserPlans(LicenseSku sku) =>
            sku.ServicePlans.Where(p => !string.Equals(p.AppliesTo, "Company", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Turns the SKU and plan names an administrator typed into exact SKU ids and disabled-plan lists.</summary>
    internal static class LicenseSelection
    {
        /// <summary>The SKUs a command that changes something is given (names, ids, wildcards); any name that finds none stops it.</summary>
        public static IReadOnlyList<LicenseSku> ResolveSkus(IReadOnlyList<LicenseSku> tenantSkus, IEnumerable<string> inputs)
        {
            var result = Distinct(inputs.Select(input => Found(SkuDirectory.Resolve(tenantSkus, input)) ?? throw SkuDirectory.NotFound(tenantSkus, input).ToException()));
            if (result.Count == 0)
            {
                throw Errors.PlanSelectionInvalid("a tier needs at least one SKU (-Sku).").ToException();
            }

            return result;
        }

        /// <summary>
        /// The SKUs a listing is narrowed to: like any other item of its input, a name that finds nothing is an error of its
        /// own and the rest are still listed. Empty when no name found anything, which lists nothing (never everything).
        /// </summary>
        public static IReadOnlyList<LicenseSku> FilterSkus(IReadOnlyList<LicenseSku> skus, IEnumerable<string> inputs, Action<GovernanceError> writeError)
        {
            var found = new List<IReadOnlyList<LicenseSku>>();
            foreach (var input in inputs)
            {
                var matches = SkuDirectory.Resolve(skus, input);
                if (matches.Count == 0)
                {
                    writeError(SkuDirectory.NotFound(skus, input));
                }

                found.Add(matches);
            }

            return Distinct(found);
        }

        /// <summary>The one SKU a single-SKU parameter names, exactly (no wildcards: a command acting on one SKU must not guess).</summary>
        public static LicenseSku ResolveOne(IReadOnlyList<LicenseSku> tenantSkus, string input) =>
            SkuDirectory.Match(tenantSkus, input) ?? throw Errors.SkuNotFound(input, SkuDirectory.Suggestions(tenantSkus, input)).ToException();

        private static IReadOnlyList<LicenseSku>? Found(IReadOnlyList<LicenseSku> matches) => matches.Count == 0 ? null : matches;

        private static List<LicenseSku> Distinct(IEnumerable<IReadOnlyList<LicenseSku>> found)
        {
            var result = new List<LicenseSku>();
            foreach (var sku in found.SelectMany(f => f))
            {
                // Names resolve to the same instances; prices without a SKU id share Guid.Empty, so ids cannot tell them apart.
                if (!result.Exists(s => ReferenceEquals(s, sku)))
                {
                    result.Add(sku);
                }
            }

            return result;
        }

        /// <param name="keep">Disabled plans to keep for a SKU when neither list is given (Set keeps a SKU's current selection); null enables every plan.</param>
        public static IReadOnlyList<DesiredLicense> Select(IReadOnlyList<LicenseSku> skus, string[]? enabledPlans, string[]? disabledPlans, Func<Guid, IEnumerable<Guid>?>? keep = null)
        {
            var enabled = enabledPlans?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
            var disabled = disabledPlans?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
            if (enabled?.Length > 0 && disabled?.Length > 0)
            {
                throw Errors.PlanSelectionInvalid("give -EnabledPlan or -DisabledPlan, not both.").ToException();
            }

            if (!(enabled?.Length > 0) && !(disabled?.Length > 0))
            {
                // An explicitly empty -DisabledPlan switches every plan back on; no list at all keeps what there is.
                var reset = disabled != null;
                return skus.Select(s => new DesiredLicense(s, reset ? Enumerable.Empty<Guid>() : keep?.Invoke(s.SkuId) ?? Enumerable.Empty<Guid>())).ToList();
            }

            var named = (enabled?.Length > 0 ? enabled : disabled)!;
            var resolved = named.Select(n => ResolvePlan(skus, n)).ToList();
            var result = new List<DesiredLicense>();
            foreach (var sku in skus)
            {
                var inSku = new HashSet<Guid>(resolved.Where(r => r.Any(p => p.SkuId == sku.SkuId)).SelectMany(r => r.Where(p => p.SkuId == sku.SkuId).Select(p => p.PlanId)));
                var userPlans = DesiredLicense.UserPlans(sku).Select(p => p.ServicePlanId).ToList();
                var off = enabled?.Length > 0 ? userPlans.Where(p => !inSku.Contains(p)) : inSku;
                var license = new DesiredLicense(sku, off);
                if (!license.EnabledPlans.Any())
                {
                    throw Errors.PlanSelectionInvalid(
                        $"it leaves every plan of {sku.SkuPartNumber} off. Name at least one of its plans, or leave {sku.SkuPartNumber} out of -Sku.").ToException();
                }

                result.Add(license);
            }

            return result;
        }

        /// <summary>
        /// Every (SKU, plan) the name stands for: a plan name, id or friendly name found in any of the tier's SKUs, else the
        /// service a friendly name stands for ("SharePoint Online"), when that is one plan in each SKU that has it.
        /// </summary>
        private static List<(Guid SkuId, Guid PlanId)> ResolvePlan(IReadOnlyList<LicenseSku> skus, string input)
        {
            var text = input.Trim();
            var hits = PlansWhere(skus, plan => Guid.TryParse(text, out var id)
                ? plan.ServicePlanId == id
                : string.Equals(plan.ServicePlanName, text, StringComparison.OrdinalIgnoreCase) || string.Equals(plan.FriendlyName, text, StringComparison.OrdinalIgnoreCase));
            if (hits.Count > 0)
            {
                return hits.Select(h => (h.Sku.SkuId, h.Plan.ServicePlanId)).ToList();
            }

            var services = PlansWhere(skus, plan => ServiceName.Same(text, plan.FriendlyName));
            var skuNames = string.Join("+", skus.Select(s => s.SkuPartNumber));
            var ambiguous = services.GroupBy(h => h.Sku.SkuId).FirstOrDefault(g => g.Count() > 1);
            if (ambiguous != null)
            {
                throw Errors.ServicePlanAmbiguous(input, skuNames, ambiguous.Select(h => $"{h.Plan.ServicePlanName} ({h.Plan.FriendlyName})")).ToException();
            }

            if (services.Count == 0)
            {
                throw Errors.ServicePlanNotFound(input, skuNames, PlanSuggestions(skus, input)).ToException();
            }

            return services.Select(h => (h.Sku.SkuId, h.Plan.ServicePlanId)).ToList();
        }

        private static List<(LicenseSku Sku, LicenseServicePlan Plan)> PlansWhere(IReadOnlyList<LicenseSku> skus, Func<LicenseServicePlan, bool> matches) =>
            skus.SelectMany(s => s.ServicePlans.Where(matches).Select(p => (s, p))).ToList();

        /// <summary>Close spellings first; failing those, the plans of a service the name mentions ("SharePoint Server").</summary>
        private static IReadOnlyList<string> PlanSuggestions(IReadOnlyList<LicenseSku> skus, string input)
        {
            var plans = skus.SelectMany(s => s.ServicePlans).ToList();
            var names = plans.SelectMany(p => new[] { p.ServicePlanName, p.FriendlyName }).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!);
            var closest = NameMatcher.Closest(input, names);
            return closest.Count > 0 ? closest
                : plans.Where(p => ServiceName.Related(input, p.FriendlyName)).Select(p => p.FriendlyName!).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        }
    }
}
