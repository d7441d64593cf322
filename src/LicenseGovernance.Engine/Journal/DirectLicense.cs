using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>A SKU assigned to a user directly (not through a group), with the plans switched off in it.</summary>
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
