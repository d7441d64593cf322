using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Update-LicenseChangeLog: records the outcome the tenant shows for chosen changes left Unknown. It writes only to
    /// the journal, never to the tenant; it asks ShouldProcess for each outcome it can record, and reports the rest.
    /// </summary>
    internal static class ChangeLogUpdater
    {
        public static async Task RunAsync(GraphSession session, JournalFile file, UpdateChangeLogRequest request, IGovernanceSink sink)
        {
            var entries = ChangeLog.Load(file, sink);
            var unknown = Unknown(ChangeSelection.Choose(entries, request.Id, request.Since, request.CorrelationId, withReversals: true, file.Path, sink),
                session.Context.TenantId, named: request.Id != null && request.Id.Length > 0, sink);
            var reconciler = new ChangeReconciler(session, entries);
            var found = new List<(ChangeFinding Finding, bool Record)>();
            foreach (var change in unknown)
            {
                sink.Cancellation.ThrowIfCancellationRequested();
                sink.WriteProgress(new GovernanceProgress(ProgressActivity.ReconcileChanges, "Reading the outcome of changes left Unknown",
                    $"{change.Operation} on {change.TargetLabel}", GovernanceProgress.Percent(found.Count, unknown.Count)));
                var finding = await reconciler.ExamineAsync(change, sink.Cancellation).ConfigureAwait(false);
                found.Add((finding, finding.Resolved && sink.ShouldProcess(change.TargetLabel,
                    $"Record {finding.Status} for change {change.Id} ({change.Operation} of {change.Time:u}): {finding.Detail}")));
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.ReconcileChanges, "Reading the outcome of changes left Unknown", "Done", 100, completed: true));
            ChangeReconciler.Record(file, found.Where(f => f.Record).Select(f => f.Finding), sink.CommandName ?? "Update-LicenseChangeLog", session.Now);
            foreach (var (finding, record) in found.Where(f => f.Record || !f.Finding.Resolved))
            {
                sink.WriteObject(finding.ToResult(record));
            }
        }

        /// <summary>The chosen changes of the connected tenant still Unknown; a change of another tenant named by id is an error.</summary>
        private static List<JournalEntry> Unknown(List<JournalEntry> chosen, string? tenantId, bool named, IGovernanceSink sink)
        {
            var unknown = new List<JournalEntry>();
            foreach (var change in chosen)
            {
                if (!string.Equals(change.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
                {
                    if (named)
                    {
                        sink.WriteError(Errors.ChangeOfOtherTenant(change.Id, change.TenantId, tenantId));
                    }
                }
                else if (change.Status == LicenseChangeStatus.Unknown)
                {
                    unknown.Add(change);
                }
            }

            var settled = chosen.Count(c => c.Status != LicenseChangeStatus.Unknown);
            if (settled > 0)
            {
                sink.WriteVerbose($"{settled} of the chosen changes already have an outcome and were left as they are.");
            }

            return unknown;
        }
    }
}
