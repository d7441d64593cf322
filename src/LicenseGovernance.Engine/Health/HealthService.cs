using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Kernel.Catalog;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>Get-LicenseHealth and Export-LicenseHealthReport: measure, compute, and for the report render and write.</summary>
    internal static class HealthService
    {
        /// <summary>Measures the tenant once (the waste scan, then the rest) and computes the score.</summary>
        public static async Task<(LicenseHealth Health, WasteMeasurement? Waste)> MeasureAsync(GraphSession session, IReadOnlyList<LicenseSku> skus, int inactiveDays, IGovernanceSink sink)
        {
            var query = new ZombieQuery { InactiveDays = inactiveDays };
            query.Validate();
            var inputs = new HealthInputs { MeasuredAt = session.Now, TenantId = Guid.TryParse(session.Context.TenantId, out var tenant) ? tenant : (Guid?)null };

            var (countUser, sources) = await HealthMeasurer.PrepareAsync(session, skus, inputs, sink).ConfigureAwait(false);
            var step = new NestedProgressSink(sink, ProgressActivity.LicenseHealth);
            WasteMeasurement? waste = null;
            try
            {
                // The scan's progress and warnings show while it reads, its bar nested under the health measurement's; it hands
                // every user to the counter too, so the users are listed once for the whole score, and it takes the groups and
                // packages read above.
                waste = await WasteScanner.MeasureAsync(session, skus, query, step, countUser, sources).ConfigureAwait(false);
                inputs.Waste = HealthWaste.Input(waste);
                inputs.Warnings.AddRange(waste.Warnings);
                var currencies = waste.Utilization.Where(u => u.MonthlyPrice != null).Select(u => u.Currency ?? "").Distinct(StringComparer.OrdinalIgnoreCase).Count();
                if (currencies > 1)
                {
                    inputs.Warnings.Add($"Prices are in {currencies} currencies; the waste component counts only the SKUs priced in {inputs.Waste.Currency ?? "no currency"} (Set-LicensePrice to price them alike).");
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Category == GovernanceErrorCategory.PermissionDenied || ex.Error.Category == GovernanceErrorCategory.ResourceUnavailable)
            {
                inputs.Warnings.Add("The waste component was not measured: " + ex.Error.Message);
            }

            if (waste == null)
            {
                // The scan may have broken off part way through the users; count them all again on their own.
                inputs.ClearUserCounts();
                await HealthMeasurer.CountUsersAsync(session, countUser, step).ConfigureAwait(false);
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Done", 100, completed: true));
            var health = HealthCalculator.Calculate(inputs);
            var written = new HashSet<string>(waste?.Warnings ?? Array.Empty<string>());
            foreach (var warning in health.Warnings.Where(w => !written.Contains(w)))
            {
                sink.WriteWarning(warning);
            }

            return (health, waste);
        }

        /// <summary>Checks the target before anything is read, so a refused path costs no Graph requests.</summary>
        public static string CheckTarget(ExportLicenseHealthReportRequest request)
        {
            string full;
            try
            {
                full = Path.GetFullPath(request.Path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is System.Security.SecurityException)
            {
                throw Errors.HealthReportPathInvalid(request.Path, e.Message).ToException();
            }

            if (Directory.Exists(full))
            {
                throw Errors.HealthReportPathInvalid(full, "it is a folder; give a file name such as report.html.").ToException();
            }

            var folder = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                throw Errors.HealthReportPathInvalid(full, $"the folder '{folder}' does not exist.").ToException();
            }

            if (File.Exists(full) && !request.Force)
            {
                throw Errors.HealthReportExists(full).ToException();
            }

            return full;
        }

        public static HealthReport Report(GraphSession session, LicenseHealth health, WasteMeasurement? waste, IReadOnlyList<HealthTrendPoint> earlier) =>
            new HealthReport
            {
                Health = health,
                TenantName = session.Context.IsSimulator ? "Simulated tenant " + session.Context.TenantId : session.Context.TenantId,
                GeneratedAt = session.Now,
                Spend = waste == null ? Array.Empty<SkuSpend>() : HealthWaste.Spend(waste),
                WasteByReason = waste == null ? Array.Empty<WasteByReason>() : HealthWaste.ByReason(waste),
                Trend = earlier.Where(p => p.MeasuredAt < health.MeasuredAt).Concat(new[] { HealthReportRenderer.Point(health) }).ToList(),
            };

        /// <param name="path">The full path <see cref="CheckTarget"/> returned.</param>
        /// <param name="premiumSaving">Measures the underused premium seats (the Usage capability, wired by the entry point).</param>
        public static async Task<string?> ExportAsync(GraphSession session, IReadOnlyList<LicenseSku> skus, ExportLicenseHealthReportRequest request, string path, IGovernanceSink sink,
            Func<Task<PremiumSaving>> premiumSaving)
        {
            var (health, waste) = await MeasureAsync(session, skus, request.InactiveDays, sink).ConfigureAwait(false);
            var earlier = HealthReportHistory.Read(Path.GetDirectoryName(path)!, health.TenantId, sink.WriteVerbose);
            var report = Report(session, health, waste, earlier);
            report.PremiumSaving = await premiumSaving().ConfigureAwait(false);
            var html = HealthReportRenderer.Render(report);
            if (!sink.ShouldProcess(path, $"Write the licence health report (score {health.Score}, {report.Trend.Count - 1} earlier point(s) in the trend)"))
            {
                return null;
            }

            // Checked again: the measurement takes a while, and a file that appeared meanwhile is not overwritten without -Force.
            if (File.Exists(path) && !request.Force)
            {
                throw Errors.HealthReportExists(path).ToException();
            }

            AtomicFile.WriteAllText(path, html, (target, e) => Errors.HealthReportWriteFailed(target, e.Message, e));

            return path;
        }
    }
}
