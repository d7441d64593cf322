using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Simulation
{
    /// <summary>
    /// A user property Set-LicenseSimulatorUser changes: those dynamic membership rules and leaver processes read, and the
    /// leave and hire dates. Each knows its value type, where it sits in Graph's user (extension attributes are nested in
    /// onPremisesExtensionAttributes), how to read it from the SDK's user and how to write it in a PATCH body.
    /// </summary>
    internal sealed class SimulatedUserProperty
    {
        public const string ExtensionAttributes = "onPremisesExtensionAttributes";

        private static readonly SimulatedUserProperty[] All = Build();

        private SimulatedUserProperty(string name, Kind kind, string? parent = null)
        {
            Name = name;
            ValueKind = kind;
            Parent = parent;
        }

        public enum Kind
        {
            Text,
            Flag,
            Date,
        }

        /// <summary>Graph's name, as the PATCH body and the output carry it.</summary>
        public string Name { get; }

        public Kind ValueKind { get; }

        /// <summary>The object property that holds it in Graph's user, or null for a top-level property.</summary>
        public string? Parent { get; }

        public static IEnumerable<string> Names => All.Select(p => p.Name);

        /// <summary>The $select that reads every property back (the nested ones through their parent).</summary>
        public static string[] Select => All.Select(p => p.Parent ?? p.Name).Distinct().ToArray();

        public static SimulatedUserProperty Find(string name) =>
            All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw Errors.SimulatorUserPropertyUnknown(name, Names).ToException();

        /// <summary>The value as this property holds it (string, bool or a UTC instant), or null to clear; anything else is refused.</summary>
        public object? Normalize(object? value)
        {
            if (value == null)
            {
                return null;
            }

            switch (ValueKind)
            {
                case Kind.Flag:
                    return value is bool flag ? flag : throw Invalid(value, "$true or $false");
                case Kind.Date:
                    return AsInstant(value) ?? throw Invalid(value, "a date and time (a [datetime], or text such as 2025-06-30T17:00:00Z), or $null to clear");
                default:
                    // Graph refuses empty strings; null is how a value is cleared.
                    return value is string text && text.Length > 0 ? text : throw Invalid(value, "a non-empty string, or $null to clear");
            }
        }

        /// <summary>The user's current value. The SDK's models keep every property in a backing store under Graph's JSON name.</summary>
        public object? Current(User user)
        {
            var holder = Parent == null ? user.BackingStore : user.OnPremisesExtensionAttributes?.BackingStore;
            var stored = holder?.Get<object>(Name);
            return stored == null ? null : ValueKind == Kind.Date ? AsInstant(stored) : stored as string == "" ? null : stored;
        }

        /// <summary>A normalized value as text, the same for the value read and the value asked for.</summary>
        public static string? Show(object? value) => value switch
        {
            null => null,
            bool flag => flag ? "True" : "False",
            DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        public void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNull(Name);
                    break;
                case bool flag:
                    writer.WriteBoolean(Name, flag);
                    break;
                default:
                    writer.WriteString(Name, Show(value));
                    break;
            }
        }

        private static DateTimeOffset? AsInstant(object value) => value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed) => parsed.ToUniversalTime(),
            _ => null,
        };

        private LicenseGovernanceException Invalid(object value, string expected) => Errors.SimulatorUserPropertyInvalid(Name, expected, value).ToException();

        private static SimulatedUserProperty[] Build()
        {
            var text = new[]
            {
                "department", "jobTitle", "companyName", "country", "city", "officeLocation", "usageLocation", "userType",
                "employeeId", "employeeType", "displayName", "givenName", "surname",
            };
            return text.Select(n => new SimulatedUserProperty(n, Kind.Text))
                .Append(new SimulatedUserProperty("accountEnabled", Kind.Flag))
                .Append(new SimulatedUserProperty("employeeHireDate", Kind.Date))
                .Append(new SimulatedUserProperty("employeeLeaveDateTime", Kind.Date))
                .Concat(Enumerable.Range(1, 15).Select(i => new SimulatedUserProperty("extensionAttribute" + i.ToString(CultureInfo.InvariantCulture), Kind.Text, ExtensionAttributes)))
                .ToArray();
        }
    }
}
