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
    /// Undo-LicenseChange: reverses journaled changes newest first, each after reading the target's current state, and
    /// journals each reversal (so an undo is itself on the record, and a second undo does not repeat it).
    /// </summary>
    internal static class ChangeUndoer
    {
        public static async Task RunAsync(GraphSession session, JournalFile file, JournalScope scope, UndoChangeRequest request, IGovernanceSink sink)
        {
            if ((request.Id == null || request.Id.Length == 0) && request.Since == null && request.CorrelationId == null)
            {
                throw Errors.UndoSelectionRequired().ToException();
            }

            var cancellation = sink.Cancellation;
            var entries = ChangeLog.Load(file, sink);
            // By time or run, reversals are left out: undoing "everything since" means putting the tenant back, not redoing.
            var chosen = ChangeSelection.Choose(entries, request.Id, request.Since, request.CorrelationId, withReversals: false, file.Path, sink);
            var done = 0;
            foreach (var change in chosen.OrderByDescending(e => e.Sequence))
            {
                cancellation.ThrowIfCancellationRequested();
                sink.WriteProgress(new GovernanceProgress(ProgressActivity.UndoChanges, "Undoing licence changes",
                    $"{change.Operation} on {change.TargetLabel}", GovernanceProgress.Percent(done++, chosen.Count)));
                var result = await UndoOneAsync(session, scope, change, request.Force, sink).ConfigureAwait(false);
                if (result != null)
                {
                    sink.WriteObject(result);
                }
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.UndoChanges, "Undoing licence changes", "Done", 100, completed: true));
        }

        private static async Task<LicenseChangeUndoResult?> UndoOneAsync(GraphSession session, JournalScope scope, JournalEntry change, bool force, IGovernanceSink sink)
        {
            LicenseChangeUndoResult Result(LicenseChangeUndoStatus status, string detail, Guid? undoId = null) => new LicenseChangeUndoResult
            {
                ChangeId = change.Id,
                Operation = change.Operation,
                Target = change.TargetLabel,
                Status = status,
                Detail = detail,
                UndoChangeId = undoId,
            };

            if (!string.Equals(change.TenantId, session.Context.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                sink.WriteError(Errors.ChangeOfOtherTenant(change.Id, change.TenantId, session.Context.TenantId));
                return null;
            }

            if (change.UndoneBy != null)
            {
                return Result(LicenseChangeUndoStatus.Skipped, $"already undone by change {change.UndoneBy}.");
            }

            if (change.Status == LicenseChangeStatus.Failed)
            {
                return Result(LicenseChangeUndoStatus.Skipped, "the change failed, so the tenant holds nothing to undo.");
            }

            if (ChangeReversers.NotReversedBecause(change.Operation) is string reported)
            {
                return Result(LicenseChangeUndoStatus.Skipped, "reported, not undone: " + reported);
            }

            var reverser = ChangeReversers.Find(change.Operation);
            if (reverser == null)
            {
                sink.WriteError(Errors.ChangeNotReversible(change.Id, change.Operation, change.TargetLabel, $"Undo-LicenseChange does not know how to reverse {change.Operation}. Its before and after states are in the journal (Get-LicenseChangeLog -Id {change.Id})."));
                return null;
            }

            try
            {
                var plan = await reverser.PlanAsync(session, change, force, sink.Cancellation).ConfigureAwait(false);
                if (plan.IsConflict)
                {
                    sink.WriteError(Errors.ChangeConflict(change.Id, change.Operation, change.TargetLabel, plan.Detail));
                    return null;
                }

                if (plan.Intent == null || plan.Apply == null)
                {
                    return Result(LicenseChangeUndoStatus.AlreadyUndone, plan.Detail);
                }

                if (!sink.ShouldProcess(change.TargetLabel, $"Undo {change.Operation} of {change.Time:u}: {plan.Detail}"))
                {
                    return null;
                }

                plan.Intent.UndoOf = change.Id;
                var apply = plan.Apply;
                var (entry, changed) = await scope.RunRecordedAsync(plan.Intent, () => apply(sink.Cancellation), sink.Cancellation).ConfigureAwait(false);
                return changed
                    ? Result(LicenseChangeUndoStatus.Undone, plan.Detail, entry.Id)
                    : Result(LicenseChangeUndoStatus.AlreadyUndone, "the tenant already showed the state before the change.", entry.Id);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id != ErrorIds.JournalWriteFailed)
            {
                sink.WriteError(ex.Error);
                return Result(LicenseChangeUndoStatus.Failed, ex.Error.Message);
            }
        }
    }
}
