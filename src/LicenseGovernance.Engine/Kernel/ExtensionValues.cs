using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Reads the custom properties of an open extension as Kiota hands them back: untyped nodes, JsonElements in older
    /// serializers, and strings that look like dates or GUIDs already turned into DateTime or Guid.
    /// </summary>
    internal static class ExtensionValues
    {
        public static string? String(IDictionary<string, object>? data, string name)
        {
            if (data == null || !data.TryGetValue(name, out var value))
            {
                return null;
            }

            switch (value)
            {
                case null: return null;
                case string s: return s;
                case UntypedString us: return us.GetValue();
                case Guid g: return g.ToString();
                case DateTime d: return Round(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)));
                case DateTimeOffset o: return Round(o);
                case JsonElement e when e.ValueKind == JsonValueKind.String: return e.GetString();
                default: return null;
            }
        }

        public static DateTimeOffset? Date(IDictionary<string, object>? data, string name) =>
            DateTimeOffset.TryParse(String(data, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : (DateTimeOffset?)null;

        /// <summary>How this module writes a date into an extension: ISO 8601, UTC.</summary>
        public static string Round(DateTimeOffset value) => value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
    }
}
