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
        public static IReadOnlyList<DirectLicense> Of(Microsoft.Graph.Models.User user, ICollection<Guid>? skus = null) =>
            Kernel.LicenseStates.Of(user)
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

        internal static IReadOnlyList<DirectLicense> ListFrom(JsonElement? element)
        {
            if (element == null || element.Value.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<DirectLicense>();
            }

            return element.Value.EnumerateArray().Select(e => new DirectLicense(
                Guid.Parse(e.GetProperty("skuId").GetString()!),
                e.TryGetProperty("skuPartNumber", out var part) && part.ValueKind == JsonValueKind.String ? part.GetString() : null,
                e.TryGetProperty("disabledPlans", out var plans) && plans.ValueKind == JsonValueKind.Array
                    ? plans.EnumerateArray().Select(p => Guid.Parse(p.GetString()!))
                    : null)).ToList();
        }
    }
}
