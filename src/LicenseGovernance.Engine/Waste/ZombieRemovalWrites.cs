using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using static LicenseGovernance.Engine.Kernel.LicenseRemovalRun;

namespace LicenseGovernance.Engine.Waste
{
    /// <summary>
    /// Carries out the confirmed removals of one chunk through the journaled writers, in three passes: the direct
    /// assignments (one assignLicense per user, twenty users to a $batch), then the access package assignments that deliver
    /// a membership (an assignment would put the membership straight back, so it is ended instead; one adminRemove each),
    /// then the memberships nothing delivers (twenty to a $batch). All of them draw on the session's write pacer. A row's
    /// first refusal stops it there; a row that relied on a membership another row of the chunk was to end fails with it.
    /// No write is cancelled midway: Ctrl+C is honoured between chunks.
    /// </summary>
    internal sealed class ZombieRemovalWrites
    {
        private readonly GraphSession _session;
        private readonly JournalScope _journal;
        private readonly ZombieRemovalRun _run;
        private readonly string? _justification;
        private readonly IGovernanceSink _sink;

        // The memberships this chunk ends (their keys), with the row whose plan ends each, and those ended so far.
        private readonly Dictionary<string, ZombieRemovalRow> _ending = new Dictionary<string, ZombieRemovalRow>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _ended = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Writes still to send in the run after the one going out, for the pacer's last stretch.
        private long _writesAfter;

        private ZombieRemovalWrites(GraphSession session, JournalScope journal, ZombieRemovalRun run, string? justification, IGovernanceSink sink, long writesAfter)
        {
            _session = session;
            _journal = journal;
            _run = run;
            _justification = justification;
            _sink = sink;
            _writesAfter = writesAfter;
        }

        /// <param name="writesAfter">Writes the rest of the run will send after this chunk, as far as it can be told.</param>
        public static Task ApplyAsync(GraphSession session, JournalScope journal, ZombieRemovalRun run, string? justification, IGovernanceSink sink, IReadOnlyList<ZombieRemovalRow> rows, long writesAfter) =>
            new ZombieRemovalWrites(session, journal, run, justification, sink, writesAfter).ApplyAsync(rows);

        private async Task ApplyAsync(IReadOnlyList<ZombieRemovalRow> rows)
        {
            foreach (var row in rows)
            {
                foreach (var step in ToDo(row).Where(s => s.GroupId != null))
                {
                    _ending[Key(row, step)] = row;
                }

                _writesAfter += ToDo(row).Count();
            }

            await RemoveDirectAsync(rows).ConfigureAwait(false);
            var leave = await EndAssignmentsAsync(rows).ConfigureAwait(false);
            await LeaveGroupsAsync(leave).ConfigureAwait(false);
            Settle(rows);
        }

        private static IEnumerable<LicenseRemovalStep> ToDo(ZombieRemovalRow row) => row.Plan!.Steps.Where(s => !s.AlreadyDone);

        private static string Key(ZombieRemovalRow row, LicenseRemovalStep step) => MembershipKey(step.GroupId!, row.Item.UserId);

        /// <summary>Every direct assignment to remove, one assignLicense per user for all of the user's rows.</summary>
        private async Task RemoveDirectAsync(IReadOnlyList<ZombieRemovalRow> rows)
        {
            var users = rows.Where(r => ToDo(r).Any(IsDirect)).GroupBy(r => r.Item.UserId).Select(g => g.ToList()).ToList();
            foreach (var batch in Chunked.Of(users, GraphBatch.MaxRequests))
            {
                _writesAfter -= batch.Count;
                var changes = batch.Select(Change).ToList();
                var outcomes = await UserLicenseWriter.ChangeDirectAsync(_session, _journal, changes, Math.Max(0, _writesAfter), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    foreach (var row in batch[i])
                    {
                        var step = ToDo(row).First(IsDirect);
                        Record(row, step, outcomes[i], UserLicenseWriter.Capability, $"remove the direct {step.DirectLicense!.SkuPartNumber} from {row.UserPrincipalName ?? row.Item.UserId.ToString()}", step.Description);
                    }
                }
            }
        }

        private static bool IsDirect(LicenseRemovalStep step) => step.Kind == LicenseRemovalStepKind.RemoveDirectAssignment;

        private static DirectLicenseChange Change(List<ZombieRemovalRow> rows)
        {
            var held = rows.SelectMany(r => ToDo(r).Where(IsDirect)).Select(s => s.DirectLicense!).GroupBy(l => l.SkuId).Select(g => g.First()).ToList();
            return new DirectLicenseChange(rows[0].Item.UserId, rows[0].UserPrincipalName, held, Array.Empty<DirectLicense>(), held.Select(l => l.SkuId).ToList());
        }

        /// <summary>
        /// Ends the access package assignments that deliver the memberships to end, and says which memberships are left to
        /// remove directly. A tenant without entitlement management (or a token without its permission) could not be asked;
        /// then memberships are removed directly, with a warning, unless the piped licence said an access package delivers
        /// it, in which case the row fails rather than leave an assignment that would add the user back.
        /// </summary>
        private async Task<List<(ZombieRemovalRow Row, LicenseRemovalStep Step)>> EndAssignmentsAsync(IReadOnlyList<ZombieRemovalRow> rows)
        {
            var leave = new List<(ZombieRemovalRow, LicenseRemovalStep)>();
            foreach (var (row, step) in rows.SelectMany(r => ToDo(r).Where(s => s.GroupId != null).Select(s => (Row: r, Step: s))).ToList())
            {
                if (!row.Going)
                {
                    continue;
                }

                var refused = _run.Sources.PackagesRefused;
                if (refused != null && step.Kind == LicenseRemovalStepKind.EndAccessPackageAssignment)
                {
                    row.Fail(refused.Message);
                }
                else if (refused != null || !await EndAsync(row, step).ConfigureAwait(false))
                {
                    WarnOnce(refused);
                    leave.Add((row, step));
                }
            }

            return leave;
        }

        /// <summary>Ends the user's assignments delivering the step's group; false when none does.</summary>
        private async Task<bool> EndAsync(ZombieRemovalRow row, LicenseRemovalStep step)
        {
            var assignments = _run.Sources.DeliveringAssignments(row.Item.UserId.ToString(), step.GroupId!);
            if (assignments.Count == 0)
            {
                return false;
            }

            var justification = _justification ?? $"Zombie licence ({row.Item.Reason}) removed by Remove-ZombieLicense";
            var changes = assignments.Select(a => AccessPackageDirectory.ChangeOf(a, justification)).ToList();
            try
            {
                foreach (var change in changes)
                {
                    _writesAfter--;
                    await AccessPackageAssignmentWriter.EndAsync(_session, _journal, change, CancellationToken.None).ConfigureAwait(false);
                }

                row.Did(step, $"ended access package assignment(s) {string.Join(", ", changes.Select(c => "'" + (c.AccessPackageName ?? c.AccessPackageId.ToString()) + "'"))} for group '{step.GroupName}'");
                _ended.Add(Key(row, step));
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id != ErrorIds.JournalWriteFailed && ex.Error.Id != ErrorIds.OperationCancelled)
            {
                row.Fail(ex.Error.Message);
            }

            return true;
        }

        private void WarnOnce(GovernanceError? refused)
        {
            if (refused != null && !_run.WarnedAboutPackages)
            {
                _run.WarnedAboutPackages = true;
                _sink.WriteWarning("Access package assignments could not be checked (" + refused.Message + ") Group memberships are removed directly; " +
                    "a membership an access package delivers would come back, so grant EntitlementManagement.ReadWrite.All where the tenant uses access packages.");
            }
        }

        /// <summary>The memberships nothing delivers, twenty removals to a $batch.</summary>
        private async Task LeaveGroupsAsync(List<(ZombieRemovalRow Row, LicenseRemovalStep Step)> leave)
        {
            foreach (var batch in Chunked.Of(leave.Where(l => l.Row.Going).ToList(), GraphBatch.MaxRequests))
            {
                _writesAfter -= batch.Count;
                var memberships = batch.Select(l => (Guid.Parse(l.Step.GroupId!), l.Step.GroupName, l.Row.Item.UserId, l.Row.UserPrincipalName)).ToList();
                var outcomes = await GroupMembershipWriter.RemoveMembersAsync(_session, _journal, memberships, Math.Max(0, _writesAfter), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    var (row, step) = batch[i];
                    var done = outcomes[i].AlreadyDone ? $"found the user already out of group '{step.GroupName}'" : $"removed from group '{step.GroupName}'";
                    if (Record(row, step, outcomes[i], GroupMembershipWriter.Capability, $"remove {row.UserPrincipalName ?? row.Item.UserId.ToString()} from group {step.GroupName}", done))
                    {
                        _ended.Add(Key(row, step));
                    }
                }
            }
        }

        /// <summary>Notes a write's outcome on its row; true when the step is done.</summary>
        private bool Record(ZombieRemovalRow row, LicenseRemovalStep step, WriteOutcome outcome, string capability, string operation, string done)
        {
            if (outcome.Succeeded || outcome.AlreadyDone)
            {
                row.Did(step, done);
                return true;
            }

            var error = WriteRetryPolicy.Error(_session, operation, capability, outcome);
            if (error.Id == ErrorIds.PermissionDenied && step.GroupId != null && _run.Groups.TryGetValue(step.GroupId, out var group) && group?.IsAssignableToRole == true)
            {
                // The token could not be read beforehand, or a delegated user lacks the Entra role: say what such a group needs.
                error = Errors.ZombieLicenseFromRoleAssignableGroup(row.Item.ToString(), row.Item.SkuPartNumber, step.GroupName ?? step.GroupId, !_session.AppOnly);
            }

            row.Fail(error.Message);
            return false;
        }

        /// <summary>
        /// A membership the chunk meant to end and did not stays in the run's memberships no longer (a later plan must end
        /// it again), and the rows that relied on it fail with the row that was to end it.
        /// </summary>
        private void Settle(IReadOnlyList<ZombieRemovalRow> rows)
        {
            foreach (var pair in _ending.Where(p => !_ended.Contains(p.Key)))
            {
                _run.LeftGroups.Remove(pair.Key);
            }

            foreach (var row in rows)
            {
                foreach (var step in row.Plan!.Steps.Where(s => s.AlreadyDone && !s.Pending && s.GroupId != null))
                {
                    if (_ending.TryGetValue(Key(row, step), out var owner) && owner != row && !_ended.Contains(Key(row, step)))
                    {
                        row.Fail($"This licence relied on {owner.Item} leaving group '{step.GroupName}', which did not happen: {owner.Failure}");
                    }
                }
            }
        }
    }
}
