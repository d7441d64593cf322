using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>
    /// Finds the trend: every *.html file in the report's folder that carries the renderer's data element is an earlier
    /// report; its own point and the history it carried are read back, for the same tenant only. Files that are not
    /// reports, are unreadable or malformed are passed over.
    /// </summary>
    internal static class HealthReportHistory
    {
        /// <summary>Points drawn at most; the oldest beyond it are dropped.</summary>
        public const int MaxPoints = 100;

        /// <summary>Reports are small; a larger file in the folder is not one of them and is not read.</summary>
        private const long MaxFileBytes = 8 * 1024 * 1024;

        private static readonly Regex DataElement = new Regex(
            "<script type=\"application/json\" id=\"" + HealthReportRenderer.DataElementId + "\">(?<json>.*?)</script>",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

        public static List<HealthTrendPoint> Read(string folder, Guid? tenantId, Action<string>? verbose = null)
        {
            var points = new Dictionary<long, HealthTrendPoint>();
            if (!Directory.Exists(folder))
            {
                return new List<HealthTrendPoint>();
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.html", SearchOption.TopDirectoryOnly))
            {
                try
                {
                    if (new FileInfo(file).Length > MaxFileBytes)
                    {
                        continue;
                    }

                    foreach (var p in Parse(File.ReadAllText(file), tenantId))
                    {
                        points[p.MeasuredAt.UtcTicks] = p;
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException || e is FormatException || e is KeyNotFoundException || e is InvalidOperationException || e is ArgumentException)
                {
                    verbose?.Invoke($"'{file}' was not read as an earlier report: {e.Message}");
                }
            }

            return points.Values.OrderBy(p => p.MeasuredAt).Skip(Math.Max(0, points.Count - MaxPoints)).ToList();
        }

        /// <summary>The points one report carries (its own, then its history); none when it is not a report of that tenant.</summary>
        internal static IEnumerable<HealthTrendPoint> Parse(string html, Guid? tenantId)
        {
            var match = DataElement.Match(html);
            if (!match.Success)
            {
                return Array.Empty<HealthTrendPoint>();
            }

            using var doc = JsonDocument.Parse(match.Groups["json"].Value);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetInt32() != HealthReportRenderer.DataFormat)
            {
                return Array.Empty<HealthTrendPoint>();
            }

            var reportTenant = root.TryGetProperty("tenantId", out var t) && t.ValueKind == JsonValueKind.String && Guid.TryParse(t.GetString(), out var g) ? g : (Guid?)null;
            if (tenantId != null && reportTenant != null && reportTenant != tenantId)
            {
                return Array.Empty<HealthTrendPoint>();
            }

            var points = new List<HealthTrendPoint> { Point(root) };
            if (root.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array)
            {
                points.AddRange(history.EnumerateArray().Select(Point));
            }

            return points;
        }

        /// <summary>One point; FormatException when the file was edited into something no export writes (no date, a score outside 0-100).</summary>
        private static HealthTrendPoint Point(JsonElement e)
        {
            var when = e.GetProperty("measuredAt").GetString() ?? throw new FormatException("measuredAt is null.");
            var score = e.GetProperty("score").GetInt32();
            if (score < 0 || score > 100)
            {
                throw new FormatException($"score {score} is outside 0-100.");
            }

            return new HealthTrendPoint
            {
                MeasuredAt = DateTimeOffset.Parse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Score = score,
                MonthlyWaste = e.TryGetProperty("monthlyWaste", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetDecimal() : 0m,
                Currency = e.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            };
        }
    }
}
