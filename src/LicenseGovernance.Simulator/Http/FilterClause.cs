using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// One "path op value" clause of the simple filters the governance collections document (conjunctions of
    /// "property eq 'value'", and for flag enums "category has 'joiner'"); each collection says which operators it takes.
    /// </summary>
    internal sealed class FilterClause
    {
        private static readonly Regex Clause = new Regex(@"^([A-Za-z/]+)\s+(eq|has)\s+(?:'((?:[^']|'')*)'|([0-9a-fA-F-]{36}))$", RegexOptions.IgnoreCase);

        private FilterClause(string path, string op, string value)
        {
            Path = path;
            Operator = op;
            Value = value;
        }

        /// <summary>The property path in lower case, for example "accesspackage/id".</summary>
        public string Path { get; }

        public string Operator { get; }

        public string Value { get; }

        /// <summary>The clauses of <paramref name="filter"/> (none when empty); a clause of another shape or operator is 400 Request_UnsupportedQuery.</summary>
        public static List<FilterClause> Parse(string? filter, params string[] operators)
        {
            var clauses = new List<FilterClause>();
            if (string.IsNullOrWhiteSpace(filter))
            {
                return clauses;
            }

            foreach (var part in Regex.Split(filter!.Trim(), @"\s+and\s+", RegexOptions.IgnoreCase))
            {
                var m = Clause.Match(part.Trim());
                if (!m.Success || !operators.Contains(m.Groups[2].Value.ToLowerInvariant()))
                {
                    throw GraphServiceError.UnsupportedQuery($"The filter clause '{part.Trim()}' is not supported: only 'property {string.Join("|", operators)} value' joined by 'and'.");
                }

                clauses.Add(new FilterClause(m.Groups[1].Value.ToLowerInvariant(), m.Groups[2].Value.ToLowerInvariant(), m.Groups[3].Success ? m.Groups[3].Value.Replace("''", "'") : m.Groups[4].Value));
            }

            return clauses;
        }

        /// <summary>eq compares the whole value; has finds one member of a comma-separated flags value. Both ignore case.</summary>
        public bool Matches(string fieldValue) => Operator == "has"
            ? fieldValue.Split(',').Any(flag => string.Equals(flag.Trim(), Value, StringComparison.OrdinalIgnoreCase))
            : string.Equals(fieldValue, Value, StringComparison.OrdinalIgnoreCase);
    }
}
