using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Finds the real outcome of changes left Unknown (their run was killed, or Graph's answer was lost): reads each target
    /// through its reverser, the one way the module reads a journaled target (Undo reads it the same way). Succeeded when the
    /// tenant shows the change's after-state, Failed when it shows the state before (the change was not made), else still
    /// Unknown with the reason. The tenant speaks for a change only while nothing later changed the same thing, so a change
    /// followed in the journal by another of the same subject stays Unknown.
    /// </summary>
    internal sealed class ChangeReconciler
    {
        private const string NotMade = "Not made: when its outcome was reconciled, the tenant showed the state before the change.";

        private readonly GraphSession _session;

        /// <summary>Per subject, the last change that may have touched it (failed changes did not).</summary>
        private readonly Dictionary<string, JournalEntry> _lastBySubject = new Dictionary<string, JournalEntry>(StringComparer.OrdinalIgnoreCase);

        public ChangeReconciler(GraphSession session, IEnumerable<JournalEntry> journal)
        {
            _session = session;
            foreach (var entry in journal.Where(e => e.Status != LicenseChangeStatus.Failed))
            {
                var reverser = ChangeReversers.Find(entry.Operation);
                if (reverser != null)
                {
                    _lastBySubject[reverser.Subject(entry)] = entry;
                }
            }
        }

        public async Task<ChangeFinding> ExamineAsync(JournalEntry change, CancellationToken cancellation)
        {
            var reverser = ChangeReversers.Find(change.Operation);
            if (reverser == null)
            {
                return Unknown(change, $"the module cannot read what a {change.Operation} change leaves behind; look at {change.TargetLabel} in the tenant.");
            }

            if (_lastBySubject.TryGetValue(reverser.Subject(change), out var last) && last.Sequence > change.Sequence)
            {
                return Unknown(change, $"change {last.Id} ({last.Operation} of {last.Time:u}) changed the same thing later, so the tenant no longer shows what this one did.");
            }

            ReversalPlan plan;
            try
            {
                plan = await reverser.PlanAsync(_session, change, force: false, cancellation).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id != ErrorIds.OperationCancelled)
            {
                return Unknown(change, "the target could not be read: " + ex.Error.Message);
            }

            return plan.State switch
            {
                TargetState.After => new ChangeFinding(change, LicenseChangeStatus.Succeeded, "The tenant shows the state after the change."),
                TargetState.Before => new ChangeFinding(change, LicenseChangeStatus.Failed, NotMade),
                // A plan to reverse describes the reversal, not the target; one without says why nothing can be done.
                _ => Unknown(change, plan.Intent == null ? plan.Detail : "the tenant shows neither the state before the change nor the state after it."),
            };
        }

        /// <summary>Appends the outcome of each resolved finding in one write, marked as found by <paramref name="reconciledBy"/>.</summary>
        public static void Record(JournalFile file, IEnumerable<ChangeFinding> findings, string reconciledBy, DateTimeOffset now) =>
            file.Append(findings.Where(f => f.Resolved).Select(f =>
                JournalLine.OutcomeLine(f.Change.Id, now, f.Status == LicenseChangeStatus.Failed ? f.Detail : null, reconciledBy)));

        private static ChangeFinding Unknown(JournalEntry change, string reason) =>
            new ChangeFinding(change, LicenseChangeStatus.Unknown, char.ToUpperInvariant(reason[0]) + reason.Substring(1));
    }
}
