using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>The OData system query options of one request, plus the raw pairs so a nextLink can repeat the query.</summary>
    internal sealed class QueryOptions
    {
        private static readonly string[] Supported = { "$select", "$filter", "$top", "$count", "$skiptoken", "$expand", "$orderby", "$search", "$skip", "$format" };

        private QueryOptions()
        {
        }

        public string[]? Select { get; private set; }

        public string? Filter { get; private set; }

        public int? Top { get; private set; }

        public bool Count { get; private set; }

        public string? SkipToken { get; private set; }

        public string? Expand { get; private set; }

        public string? OrderBy { get; private set; }

        public string? Search { get; private set; }

        public bool HasSkip { get; private set; }

        /// <summary>The first $format given with a value (the report functions take text/csv or application/json).</summary>
        public string? Format { get; private set; }

        /// <summary>Raw "name=value" pairs (still percent-encoded) except $skiptoken, in the caller's order.</summary>
        public IReadOnlyList<string> RawPairsWithoutSkipToken { get; private set; } = Array.Empty<string>();

        public static QueryOptions Parse(string query)
        {
            var options = new QueryOptions();
            var raw = new List<string>();
            foreach (var pair in query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
                var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1));
                var key = Supported.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
                if (key == null)
                {
                    raw.Add(pair);
                    continue;
                }

                if (key != "$skiptoken")
                {
                    raw.Add(pair);
                }

                switch (key)
                {
                    case "$select":
                        options.Select = value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
                        break;
                    case "$filter":
                        options.Filter = value;
                        break;
                    case "$top":
                        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var top))
                        {
                            throw GraphServiceError.UnsupportedQuery($"Invalid page size specified: '{value}'. Must be between 1 and 999 inclusive.");
                        }

                        options.Top = top;
                        break;
                    case "$count":
                        options.Count = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "$skiptoken":
                        options.SkipToken = value;
                        break;
                    case "$expand":
                        options.Expand = value;
                        break;
                    case "$orderby":
                        options.OrderBy = value;
                        break;
                    case "$search":
                        options.Search = value;
                        break;
                    case "$skip":
                        options.HasSkip = true;
                        break;
                    case "$format":
                        if (eq > 0)
                        {
                            options.Format ??= value;
                        }

                        break;
                }
            }

            options.RawPairsWithoutSkipToken = raw;
            return options;
        }
    }
}
