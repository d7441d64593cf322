using System;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// Compares a value read from an <see cref="IFilterable"/> with a parsed literal. Literals arrive normalised
    /// (string, bool, long, double, Guid, DateTimeOffset); the read value may be any shape IFilterable allows.
    /// </summary>
    internal static class FilterValues
    {
        public static bool AreEqual(object? actual, object? literal)
        {
            if (literal == null)
            {
                return actual == null;
            }

            return Compare(actual, literal) == 0;
        }

        /// <returns>null when the two cannot be ordered (a null, or different types).</returns>
        public static int? Compare(object? actual, object literal)
        {
            switch (actual)
            {
                case null:
                    return null;
                case string s when literal is string text:
                    // Directory string comparisons ignore case, and ordering follows the same rule.
                    return string.Compare(s, text, StringComparison.OrdinalIgnoreCase);
                case string s when literal is Guid id:
                    return Guid.TryParse(s, out Guid parsed) ? parsed.CompareTo(id) : (int?)null;
                case Guid g when literal is Guid id:
                    return g.CompareTo(id);
                case Guid g when literal is string text:
                    return string.Compare(g.ToString("D"), text, StringComparison.OrdinalIgnoreCase);
                case bool b when literal is bool flag:
                    return b.CompareTo(flag);
                case DateTimeOffset d when literal is DateTimeOffset when:
                    return d.CompareTo(when);
                case DateTime d when literal is DateTimeOffset when:
                    return new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)).CompareTo(when);
                case int i:
                    return CompareNumber(i, literal);
                case long l:
                    return CompareNumber(l, literal);
                case double f:
                    return CompareNumber(f, literal);
                default:
                    return null;
            }
        }

        private static int? CompareNumber(double actual, object literal)
        {
            switch (literal)
            {
                case long l:
                    return actual.CompareTo(l);
                case double d:
                    return actual.CompareTo(d);
                default:
                    return null;
            }
        }
    }
}
