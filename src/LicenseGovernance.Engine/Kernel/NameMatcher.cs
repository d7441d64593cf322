using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Picks the names worth offering in a "did you mean" message. Callers pass every spelling a thing is known by
    /// (part numbers and product names alike), so "E5" can surface ENTERPRISEPREMIUM through "Office 365 E5".
    /// </summary>
    public static class NameMatcher
    {
        public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int max = 3)
        {
            if (candidates == null) throw new ArgumentNullException(nameof(candidates));
            if (max <= 0 || string.IsNullOrWhiteSpace(input)) return Array.Empty<string>();

            var query = Compact(input);
            if (query.Length == 0) return Array.Empty<string>();
            var allowedEdits = AllowedEdits(query.Length);

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var hits = new List<Hit>();
            foreach (var candidate in candidates)
            {
                if (string.IsNullOrWhiteSpace(candidate) || !seen.Add(candidate)) continue;
                var hit = Score(input, query, candidate, allowedEdits);
                if (hit.HasValue) hits.Add(hit.Value);
            }

            return hits
                .OrderBy(h => h.Tier)
                .ThenBy(h => h.Distance)
                .ThenBy(h => h.Name.Length)
                .ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
                .Take(max)
                .Select(h => h.Name)
                .ToList();
        }

        private static Hit? Score(string input, string query, string candidate, int allowedEdits)
        {
            var compact = Compact(candidate);
            if (compact.Length == 0) return null;
            if (compact == query) return new Hit(candidate, 0, 0);

            // One- and two-letter fragments such as "E5" or "P2" only mean something as a whole word of the name;
            // as a bare substring they would match half the catalogue.
            if (Words(candidate).Contains(query)) return new Hit(candidate, 1, compact.Length - query.Length);
            if (query.Length >= 3 && compact.StartsWith(query, StringComparison.Ordinal)) return new Hit(candidate, 2, compact.Length - query.Length);
            if (query.Length >= 3 && compact.IndexOf(query, StringComparison.Ordinal) >= 0) return new Hit(candidate, 3, compact.Length - query.Length);

            if (allowedEdits == 0 || Math.Abs(compact.Length - query.Length) > allowedEdits) return null;
            var distance = EditDistance(query, compact, allowedEdits);
            return distance <= allowedEdits ? new Hit(candidate, 4, distance) : (Hit?)null;
        }

        // Typos grow with length, but a short name that differs by two letters is a different product (E3 is not E5).
        private static int AllowedEdits(int length) => length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;

        // Separators and case carry no meaning in SKU names: SPE_E5, "spe e5" and Spe-E5 are the same request.
        private static string Compact(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (char.IsLetterOrDigit(c)) builder.Append(char.ToUpperInvariant(c));
            }
            return builder.ToString();
        }

        private static HashSet<string> Words(string value)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            var current = new StringBuilder();
            foreach (var c in value)
            {
                if (char.IsLetterOrDigit(c))
                {
                    current.Append(char.ToUpperInvariant(c));
                }
                else if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            if (current.Length > 0) words.Add(current.ToString());
            return words;
        }

        /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), abandoned once every path exceeds the limit.</summary>
        private static int EditDistance(string a, string b, int limit)
        {
            var previousPrevious = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var rowMinimum = current[0];
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previousPrevious[j - 2] + 1);
                    }
                    current[j] = value;
                    rowMinimum = Math.Min(rowMinimum, value);
                }
                if (rowMinimum > limit) return limit + 1;

                var recycled = previousPrevious;
                previousPrevious = previous;
                previous = current;
                current = recycled;
            }
            return previous[b.Length];
        }

        private readonly struct Hit
        {
            public Hit(string name, int tier, int distance)
            {
                Name = name;
                Tier = tier;
                Distance = distance;
            }

            public string Name { get; }
            /// <summary>0 same name, 1 whole word, 2 prefix, 3 substring, 4 typo.</summary>
            public int Tier { get; }
            public int Distance { get; }
        }
    }
}
