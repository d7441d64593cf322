using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// A SKU assigned directly, with the plans switched off in it: to a user (not through a group), or to a group itself
    /// (the licences its members inherit).
    /// </summary>
    public sealed class DirectLicense
    {
        public DirectLicense(Guid skuId, string? skuPartNumber, IEnumerable<Guid>? disabledPlans = null)
        {
            SkuId = skuId;
            SkuPartNumber = skuPartNumber;
            DisabledPlans = (disabledPlans ?? Enumerable.Empty<Guid>()).Distinct().OrderBy(p => p).ToArray();
        }

        public Guid SkuId { get; }

        public string? SkuPartNumber { get; }

        public IReadOnlyList<Guid> DisabledPlans { get; }

        /// <summary>Same SKU with the same plans off.</summary>
        public bool SameAs(DirectLicense? other) => other != null && other.SkuId == SkuId && other.DisabledPlans.SequenceEqual(DisabledPlans);

        /// <summary>The user's direct licences (from licenseAssignmentStates, which must have been selected), optionally only some SKUs.</summary>
        public static IReadOnlyList<DirectLicense> Of(Microsoft.Graph.Models.User user, ICollection<Guid>? skus = null) => Of(Kernel.LicenseStates.Of(user), skus);

        /// <summary>The direct licences among a user's licence states, optionally only some SKUs.</summary>
        internal static IReadOnlyList<DirectLicense> Of(IEnumerable<Kernel.LicenseState> states, ICollection<Guid>? skus = null) =>
            states
                .Where(s => Kernel.LicenseStates.IsDirect(s) && s.SkuId.HasValue && (skus == null || skus.Contains(s.SkuId.Value)))
                .GroupBy(s => s.SkuId!.Value)
                .Select(g => new DirectLicense(g.Key, null, Kernel.LicenseStates.Plans(g.First().DisabledPlans)))
                .ToList();

        /// <summary>The licences a group carries (assignedLicenses, which must have been selected).</summary>
        public static IReadOnlyList<DirectLicense> Of(Microsoft.Graph.Models.Group group) =>
            (group.AssignedLicenses ?? new List<Microsoft.Graph.Models.AssignedLicense>()).Where(l => l.SkuId.HasValue).Select(From).ToList();

        internal static DirectLicense From(Microsoft.Graph.Models.AssignedLicense license) =>
            new DirectLicense(license.SkuId!.Value, null, Kernel.LicenseStates.Plans(license.DisabledPlans));

        /// <summary>As Graph's assignLicense takes it.</summary>
        internal Microsoft.Graph.Models.AssignedLicense ToAssigned() =>
            new Microsoft.Graph.Models.AssignedLicense { SkuId = SkuId, DisabledPlans = DisabledPlans.Select(p => (Guid?)p).ToList() };

        internal JsonObject ToJson() => new JsonObject
        {
            ["skuId"] = SkuId.ToString(),
            ["skuPartNumber"] = SkuPartNumber,
            ["disabledPlans"] = new JsonArray(DisabledPlans.Select(p => (JsonNode)JsonValue.Create(p.ToString())!).ToArray()),
        };

        /// <summary>The list of a journal entry that journal reading has accepted (see <see cref="ReadList"/>).</summary>
        internal static IReadOnlyList<DirectLicense> ListFrom(JsonElement? element) => ReadList(element) ?? Array.Empty<DirectLicense>();

        /// <summary>A journaled list of direct licences: empty when absent, null when it is not such a list.</summary>
        internal static IReadOnlyList<DirectLicense>? ReadList(JsonElement? element)
        {
            if (element == null || element.Value.ValueKind == JsonValueKind.Null)
            {
                return Array.Empty<DirectLicense>();
            }

            if (element.Value.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<DirectLicense>();
            foreach (var item in element.Value.EnumerateArray())
            {
                var license = Read(item);
                if (license == null)
                {
                    return null;
                }

                list.Add(license);
            }

            return list;
        }

        private static DirectLicense? Read(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object || !TryGuid(item, "skuId", out var sku))
            {
                return null;
            }

            var part = item.TryGetProperty("skuPartNumber", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var plans = new List<Guid>();
            if (item.TryGetProperty("disabledPlans", out var disabled) && disabled.ValueKind != JsonValueKind.Null)
            {
                if (disabled.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                foreach (var plan in disabled.EnumerateArray())
                {
                    if (plan.ValueKind != JsonValueKind.String || !Guid.TryParse(plan.GetString(), out var id))
                    {
                        return null;
                    }

                    plans.Add(id);
                }
            }

            return new DirectLicense(sku, part, plans);
        }

        private static bool TryGuid(JsonElement item, string name, out Guid value)
        {
            value = Guid.Empty;
            return item.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String && Guid.TryParse(text.GetString(), out value);
        }
    }
}
