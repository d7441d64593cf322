using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// What makes a group a tier, kept on the group itself as an open extension so that any later session (or another
    /// administrator's) reads the same tiers back from the tenant, not from a local file.
    /// </summary>
    internal sealed class TierRecord
    {
        public const string ExtensionName = "com.licensegovernance.tier";

        public TierRecord(int tier, bool baseline)
        {
            Tier = tier;
            Baseline = baseline;
        }

        public int Tier { get; }

        public bool Baseline { get; }

        public OpenTypeExtension ToExtension() => new OpenTypeExtension
        {
            ExtensionName = ExtensionName,
            AdditionalData = new Dictionary<string, object>
            {
                ["tier"] = Tier,
                ["baseline"] = Baseline,
                ["managedBy"] = "LicenseGovernance",
            },
        };

        /// <summary>Null when the extension is missing or was not written by this module (no readable rank).</summary>
        public static TierRecord? From(Extension? extension)
        {
            if (extension?.AdditionalData == null)
            {
                return null;
            }

            var data = extension.AdditionalData;
            var tier = data.TryGetValue("tier", out var t) ? AsInt(t) : null;
            if (tier == null)
            {
                return null;
            }

            var baseline = data.TryGetValue("baseline", out var b) && AsBool(b) == true;
            return new TierRecord(tier.Value, baseline);
        }

        public override string ToString() => "tier " + Tier.ToString(CultureInfo.InvariantCulture) + (Baseline ? " (baseline)" : "");

        // Kiota hands custom properties back as untyped nodes (or JsonElement in older serializers), never as CLR numbers.
        private static int? AsInt(object? value)
        {
            switch (value)
            {
                case int i: return i;
                case long l: return (int)l;
                case double d: return (int)d;
                case decimal m: return (int)m;
                case UntypedInteger ui: return ui.GetValue();
                case UntypedLong ul: return (int)ul.GetValue();
                case UntypedDouble ud: return (int)ud.GetValue();
                case UntypedDecimal um: return (int)um.GetValue();
                case UntypedFloat uf: return (int)uf.GetValue();
                case UntypedString us: return int.TryParse(us.GetValue(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
                case string s: return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) ? q : (int?)null;
                case JsonElement e when e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n): return n;
                default: return null;
            }
        }

        private static bool? AsBool(object? value)
        {
            switch (value)
            {
                case bool b: return b;
                case UntypedBoolean ub: return ub.GetValue();
                case UntypedString us: return bool.TryParse(us.GetValue(), out var p) ? p : (bool?)null;
                case string s: return bool.TryParse(s, out var q) ? q : (bool?)null;
                case JsonElement e when e.ValueKind == JsonValueKind.True || e.ValueKind == JsonValueKind.False: return e.GetBoolean();
                default: return null;
            }
        }
    }
}
