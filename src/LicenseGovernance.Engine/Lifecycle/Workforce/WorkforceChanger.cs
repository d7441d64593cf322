using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Carries out the approved changes under the tier lease: the people are read and planned again under it (another run
    /// may have moved them meanwhile), HR dates written, leave returns recorded, every move made in the mover's phases
    /// across all people at once, and leavers offboarded, all in one journal scope.
    /// </summary>
    internal sealed class WorkforceChanger
    {
        private readonly GraphSession _session;
        private readonly JournalScope _journal;
        private readonly TierSystem _system;
        private readonly SyncWorkforceLicenseRequest _request;
        private readonly WorkforceLeavers _leavers;
        private readonly IGovernanceSink _sink;

        public WorkforceChanger(GraphSession session, JournalScope journal, TierSystem system, SyncWorkforceLicenseRequest request, WorkforceLeavers leavers, IGovernanceSink sink)
        {
            _session = session;
            _journal = journal;
            _system = system;
            _request = request;
            _leavers = leavers;
            _sink = sink;
        }

        /// <param name="replan">Plans the people of the given ids again from the tenant.</param>
        /// <returns>The approved people as changed (or found already changed under the lease).</returns>
        public async Task<List<WorkforceStep>> RunAsync(List<WorkforceStep> approved, Func<ISet<string>, Task<List<WorkforceStep>>> replan)
        {
            // Only tier moves need the lease (two runs would move the same people twice); dates and leavers do not.
            var lease = approved.Any(a => a.Move != null && a.Outcome == WorkforceOutcome.Planned)
                ? await SyncLease.RequireAsync(_session, _system, "Sync-WorkforceLicense", _sink.Cancellation).ConfigureAwait(false)
                : null;
            try
            {
                var steps = lease == null ? approved : await ReadAgainAsync(approved, replan).ConfigureAwait(false);
                await WriteDatesAsync(steps.Where(s => s.Dates.Count > 0)).ConfigureAwait(false);
                var moves = steps.Where(s => s.Move != null && s.Outcome == WorkforceOutcome.Planned).ToList();
                if (lease != null && moves.Count > 0)
                {
                    await MoveAsync(moves, () => lease.RenewAsync(_sink.Cancellation)).ConfigureAwait(false);
                }

                await _leavers.OffboardAsync(_session, steps.Where(s => s.Kind == WorkforceChangeKind.Leaver && s.Outcome == WorkforceOutcome.Planned).ToList(), _sink).ConfigureAwait(false);
                return steps;
            }
            finally
            {
                if (lease != null)
                {
                    await lease.ReleaseAsync().ConfigureAwait(false);
                }
            }
        }

        private static async Task<List<WorkforceStep>> ReadAgainAsync(List<WorkforceStep> approved, Func<ISet<string>, Task<List<WorkforceStep>>> replan)
        {
            var ids = new HashSet<string>(approved.Select(a => a.User.Id), StringComparer.OrdinalIgnoreCase);
            var fresh = (await replan(ids).ConfigureAwait(false)).Where(s => ids.Contains(s.User.Id)).ToDictionary(s => s.User.Id, StringComparer.OrdinalIgnoreCase);
            return approved.Select(a => fresh.TryGetValue(a.User.Id, out var f) && f.Kind == a.Kind ? Keep(a, f) : Settled(a)).ToList();
        }

        /// <summary>The person as read again, keeping what the first reading decided: a refusal for want of seats stands.</summary>
        private static WorkforceStep Keep(WorkforceStep approved, WorkforceStep fresh)
        {
            if (approved.Outcome != WorkforceOutcome.Planned)
            {
                (fresh.Outcome, fresh.Detail) = (approved.Outcome, approved.Detail);
            }

            return fresh;
        }

        /// <summary>Read again under the lease, the person needed nothing more (or something else): reported as found.</summary>
        private static WorkforceStep Settled(WorkforceStep approved)
        {
            approved.Outcome = WorkforceOutcome.Changed;
            approved.Move = null;
            approved.Dates.Clear();
            approved.Detail = "Read again under the tier lease, the user already held what HR gives (another run changed them meanwhile); nothing was sent.";
            return approved;
        }

        private async Task WriteDatesAsync(IEnumerable<WorkforceStep> steps)
        {
            foreach (var step in steps)
            {
                _sink.Cancellation.ThrowIfCancellationRequested();
                try
                {
                    await HrDates.WriteAsync(_session, _journal, step, _sink.Cancellation).ConfigureAwait(false);
                    step.Outcome = step.Kind == WorkforceChangeKind.HrDates ? WorkforceOutcome.Changed : step.Outcome;
                    step.Done.Add("set " + string.Join(" and ", step.Dates.Select(d => $"{d.Key} {d.Value:yyyy-MM-dd}")) + " in Entra");
                }
                catch (LicenseGovernanceException e)
                {
                    // Dates are for lifecycle workflows; licences go on without them, and the next run writes them again.
                    _sink.WriteError(e.Error);
                    step.Detail = (step.Detail + " The HR dates were not written: " + e.Error.Message).Trim();
                    step.Outcome = step.Kind == WorkforceChangeKind.HrDates ? WorkforceOutcome.Failed : step.Outcome;
                }
            }
        }

        private async Task MoveAsync(List<WorkforceStep> steps, Func<Task> keepAlive)
        {
            foreach (var step in steps.Where(s => s.Return != null))
            {
                await step.Return!.WriteAsync(_session, _journal, step.User, _sink.Cancellation).ConfigureAwait(false);
                step.Done.Add("recorded the return to " + _system.Tier(step.Return.ReturnTierGroupId)!.Name);
            }

            foreach (var step in steps.Where(s => s.Move!.Goal.RequestEnd != null))
            {
                await CheckEndAsync(step).ConfigureAwait(false);
            }

            var timings = LicenseWatchTimings.Default.WithTimeout(TimeSpan.FromSeconds(_request.WaitTimeoutSeconds));
            steps = steps.Where(s => s.Outcome == WorkforceOutcome.Planned).ToList();
            await TierMover.RunAsync(_session, steps.Select(s => s.Move!).ToList(), _journal, timings, keepAlive, _sink).ConfigureAwait(false);
            foreach (var step in steps)
            {
                step.Done.AddRange(step.Move!.Done);
                step.Outcome = step.Move.Outcome switch
                {
                    TierMoveOutcome.Moved or TierMoveOutcome.Bridged => WorkforceOutcome.Changed,
                    TierMoveOutcome.Waiting => WorkforceOutcome.Waiting,
                    TierMoveOutcome.Failed => WorkforceOutcome.Failed,
                    _ => step.Outcome,
                };
                step.Detail = (step.Detail + " " + step.Move.Detail + " " + step.Move.Remedy).Trim();
            }
        }

        /// <summary>A leave longer than the leave tier's policy allows fails that person alone, before anything is sent for them.</summary>
        private async Task CheckEndAsync(WorkforceStep step)
        {
            try
            {
                await UserTierMove.CheckEndAsync(_session, step.To!, step.Move!.Goal.RequestPackage, step.Move.Goal.RequestEnd, _sink).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException e)
            {
                _sink.WriteError(e.Error);
                step.Outcome = WorkforceOutcome.Failed;
                step.Detail = e.Error.Message;
            }
        }
    }
}
