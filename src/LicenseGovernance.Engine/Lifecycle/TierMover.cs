using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Carries out planned tier moves in phases across all users, not user by user with a wait each: every bridge, then
    /// every exclusive user leaves their old tier, one watch until those licences are gone, every swap, every join, one
    /// wait for delivery, one watch until the new licences are active, then every old tier left and bridge removed. A user
    /// whose step is refused or not finished in time is stopped there, holding what they held; the next run continues.
    /// Every write goes through the journaled writers; Ctrl+C stops between phases and batches, never inside a write.
    /// </summary>
    internal sealed class TierMover
    {
        /// <summary>Access package and membership requests in flight at once: these are bound by latency, not by the write quota.</summary>
        private const int Concurrent = 4;

        private readonly GraphSession _session;
        private readonly JournalScope _journal;
        private readonly IGovernanceSink _sink;
        private readonly LicenseWatchTimings _timings;
        private readonly Func<Task> _keepAlive;
        private readonly CancellationToken _stop;
        private readonly Dictionary<string, AccessPackageAssignmentPolicy?> _policies = new Dictionary<string, AccessPackageAssignmentPolicy?>(StringComparer.OrdinalIgnoreCase);

        private TierMover(GraphSession session, JournalScope journal, LicenseWatchTimings timings, Func<Task> keepAlive, IGovernanceSink sink)
        {
            _session = session;
            _journal = journal;
            _timings = timings;
            _keepAlive = keepAlive;
            _sink = sink;
            _stop = sink.Cancellation;
        }

        /// <param name="keepAlive">Called between phases and watch rounds (the reconciler renews its lease there).</param>
        public static Task RunAsync(GraphSession session, IReadOnlyList<TierMove> moves, JournalScope journal, LicenseWatchTimings timings, Func<Task> keepAlive, IGovernanceSink sink) =>
            new TierMover(session, journal, timings, keepAlive, sink).RunAsync(moves.Where(m => m.HasWork && !m.Stopped).ToList());

        private async Task RunAsync(List<TierMove> moves)
        {
            foreach (var move in moves)
            {
                move.Started = _session.Now;
            }

            await PhaseAsync("Bridging", moves.Where(m => m.Bridge.Count > 0), BridgeAsync).ConfigureAwait(false);
            await PhaseAsync("Leaving the old tiers", moves.Where(m => m.Exclusive), LeaveAllAsync).ConfigureAwait(false);
            await PhaseAsync("Waiting for the old licences to go", moves.Where(m => m.WaitGone.Count > 0), WatchGoneAsync).ConfigureAwait(false);
            await PhaseAsync("Swapping", moves.Where(m => m.SwapAdd.Count > 0 || m.SwapRemove.Count > 0), SwapAsync).ConfigureAwait(false);
            var joining = moves.Where(m => m.Kind == TierMoveKind.Exclusive || m.Kind == TierMoveKind.NonExclusive).ToList();
            await PhaseAsync("Joining the new tiers", joining, JoinAsync).ConfigureAwait(false);
            await PhaseAsync("Waiting for access package delivery", joining.Where(m => m.Join == TierJoin.RequestPackage || m.Join == TierJoin.AwaitDelivery), WaitForDeliveryAsync).ConfigureAwait(false);
            await PhaseAsync("Waiting for the new licences", joining, WatchActiveAsync).ConfigureAwait(false);
            await PhaseAsync("Leaving the old tiers", moves.Where(m => !m.Exclusive), LeaveAllAsync).ConfigureAwait(false);
            await PhaseAsync("Removing bridges", moves.Where(m => m.RemoveAfter.Count > 0), RemoveBridgesAsync).ConfigureAwait(false);
            // A user waiting for a delivery keeps the marker: the delivery may still fail, and the return with it.
            await PhaseAsync("Clearing return markers", moves.Where(m => m.Goal.ClearReturn != null && m.Kind != TierMoveKind.Waiting), ClearReturnsAsync).ConfigureAwait(false);
            foreach (var move in moves)
            {
                Finish(move);
            }

            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.TierMoves, "Moving users between tiers", $"{moves.Count} user(s)", 100, completed: true));
        }

        /// <summary>Runs one phase for the users still going; renews the lease and honours Ctrl+C first.</summary>
        private async Task PhaseAsync(string title, IEnumerable<TierMove> moves, Func<List<TierMove>, Task> phase)
        {
            var going = moves.Where(m => !m.Stopped).ToList();
            if (going.Count == 0)
            {
                return;
            }

            _stop.ThrowIfCancellationRequested();
            await _keepAlive().ConfigureAwait(false);
            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.TierMoves, "Moving users between tiers", $"{title}: {going.Count} user(s)"));
            await phase(going).ConfigureAwait(false);
        }

        private void Finish(TierMove move)
        {
            move.Finished = _session.Now;
            if (move.Kind == TierMoveKind.Waiting && !move.Stopped)
            {
                move.Wait(move.Detail, move.Remedy);
            }
            else if (!move.Stopped)
            {
                move.Outcome = move.Kind == TierMoveKind.LookAheadBridge ? TierMoveOutcome.Bridged : TierMoveOutcome.Moved;
                move.Detail = move.Detail.Length > 0 ? move.Detail : Settled(move);
            }
        }

        private static string Settled(TierMove move) => move.Kind == TierMoveKind.LookAheadBridge
            ? $"{move.To.Name}'s assignment ends {move.Goal.EndsAt:yyyy-MM-dd HH:mm} UTC; the direct copy keeps the user licensed until the next run moves them to {move.Goal.After?.Name}."
            : $"The user holds exactly {move.To.Name} ({move.Goal.Why}), its licences active from its group.";

        private Task BridgeAsync(List<TierMove> moves) =>
            ChangeDirectAsync(moves, m => m.Bridge, m => Array.Empty<Guid>(), m => "bridge: " + Skus(m.Bridge) + " assigned directly");

        private Task SwapAsync(List<TierMove> moves) =>
            ChangeDirectAsync(moves, m => m.SwapAdd, m => m.SwapRemove, m => $"swap: {Skus(m.SwapAdd)} in, {string.Join(", ", m.SwapRemove.Select(s => Name(m, s)))} out, in one assignLicense");

        private Task RemoveBridgesAsync(List<TierMove> moves) =>
            ChangeDirectAsync(moves, m => Array.Empty<DirectLicense>(), m => m.RemoveAfter.Select(r => r.SkuId).ToList(), m => "removed the direct " + Skus(m.RemoveAfter));

        /// <summary>One assignLicense per user, twenty users to a $batch; a refusal stops that user, holding what they held.</summary>
        private async Task ChangeDirectAsync(List<TierMove> moves, Func<TierMove, IReadOnlyList<DirectLicense>> add, Func<TierMove, IReadOnlyList<Guid>> remove, Func<TierMove, string> step)
        {
            var left = moves.Count;
            foreach (var chunk in Chunked.Of(moves, GraphBatch.MaxRequests))
            {
                _stop.ThrowIfCancellationRequested();
                left -= chunk.Count;
                var changes = chunk.Select(m => Change(m, add(m), remove(m))).ToList();
                var outcomes = await UserLicenseWriter.ChangeDirectAsync(_session, _journal, changes, left, CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < chunk.Count; i++)
                {
                    Changed(chunk[i], changes[i], outcomes[i], step(chunk[i]));
                }
            }
        }

        private static DirectLicenseChange Change(TierMove move, IReadOnlyList<DirectLicense> add, IReadOnlyList<Guid> remove)
        {
            var touched = new HashSet<Guid>(add.Select(a => a.SkuId).Concat(remove));
            return new DirectLicenseChange(Guid.Parse(move.User.Id), move.User.UserPrincipalName, move.Direct.Where(d => touched.Contains(d.SkuId)).ToList(), add, remove);
        }

        private void Changed(TierMove move, DirectLicenseChange change, WriteOutcome outcome, string step)
        {
            if (outcome.Succeeded || outcome.AlreadyDone)
            {
                move.Changed(change.Add, change.Remove);
                move.Done.Add(step);
                return;
            }

            move.Fail($"Graph refused to change the user's direct licences ({outcome.Describe()}) at \"{step}\"; the user keeps what they held.",
                outcome.Transient ? "Run Sync-LicenseTier again later." : "Fix what Graph reports, then run Sync-LicenseTier again.");
        }

        private Task LeaveAllAsync(List<TierMove> moves) => ForEachAsync(moves.Where(m => m.Leave.Count > 0 || m.End.Count > 0).ToList(), LeaveAsync);

        /// <summary>
        /// Leaves each tier to leave, then ends the assignments of a package being removed that leaving no tier ended; the
        /// first refusal stops the user there.
        /// </summary>
        private async Task LeaveAsync(TierMove move)
        {
            foreach (var tier in move.Leave)
            {
                if (!await EndAsync(move, tier, move.User.Live(tier).ToList(), leaving: true).ConfigureAwait(false))
                {
                    return;
                }
            }

            foreach (var ended in move.End.GroupBy(e => e.Tier))
            {
                if (!await EndAsync(move, ended.Key, ended.Select(e => e.Assignment).ToList(), leaving: false).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        /// <summary>
        /// Ends the assignments (adminRemove), so entitlement management does not put the user back; a tier left with none is
        /// left by removing the membership. An assignment already being removed is waited for, not removed again: its
        /// membership goes when the removal ends, and the watch that follows (or the next run) sees the licences go.
        /// </summary>
        private async Task<bool> EndAsync(TierMove move, LifecycleTier tier, List<HeldAssignment> assignments, bool leaving)
        {
            try
            {
                var underWay = leaving && move.User.Leaving(tier).Any();
                foreach (var assignment in assignments)
                {
                    var change = assignment.Change(move.User, tier.PackageName(assignment.PackageId), "Tier move to " + move.To.Name + " (LicenseGovernance)");
                    underWay |= (await AccessPackageAssignmentWriter.EndAsync(_session, _journal, change, CancellationToken.None).ConfigureAwait(false)).AlreadyDone;
                }

                if (leaving && assignments.Count == 0 && !underWay && move.User.IsMember(tier))
                {
                    await GroupMembershipWriter.RemoveMemberAsync(_session, _journal, Guid.Parse(tier.Id), tier.Name, Guid.Parse(move.User.Id), move.User.UserPrincipalName, CancellationToken.None).ConfigureAwait(false);
                }

                move.Done.Add(leaving
                    ? "left " + tier.Name + (underWay ? " (a removal of its assignment was already under way)" : "")
                    : "ended the assignment of " + string.Join(", ", assignments.Select(a => tier.PackageName(a.PackageId)).Distinct()));
                return true;
            }
            catch (LicenseGovernanceException ex) when (Refused(ex))
            {
                move.Fail($"Leaving {tier.Name} failed: {ex.Error.Message}", "Fix what Graph reports, then run Sync-LicenseTier again; the user keeps their licences meanwhile.");
                return false;
            }
        }

        private async Task WatchGoneAsync(List<TierMove> moves)
        {
            var report = await WatchAsync(moves.SelectMany(m => m.WaitGone.Select(t => LicenseExpectation.Gone(m.User.Id, t.Id))).ToList(), "Waiting for Entra to take the old tiers' licences away").ConfigureAwait(false);
            foreach (var move in moves)
            {
                var left = report.Results.Where(r => r.Outcome != LicenseWatchOutcome.Gone && string.Equals(r.Expectation.UserId, move.User.Id, StringComparison.OrdinalIgnoreCase)).ToList();
                if (left.Count > 0)
                {
                    move.Wait($"Entra has not yet taken the licences of {string.Join(", ", move.WaitGone.Select(t => t.Name))} away; the direct copy keeps the user licensed meanwhile.",
                        "Run Sync-LicenseTier again later; it continues from here.");
                }
                else
                {
                    move.Done.Add("the old tiers' licences are gone");
                }
            }
        }

        private async Task JoinAsync(List<TierMove> moves)
        {
            foreach (var group in moves.Where(m => m.Join == TierJoin.AddMember).GroupBy(m => m.To))
            {
                await AddMembersAsync(group.Key, group.ToList()).ConfigureAwait(false);
            }

            await ForEachAsync(moves.Where(m => m.Join == TierJoin.RequestPackage).ToList(), RequestAsync).ConfigureAwait(false);
            await ForEachAsync(moves.Where(m => m.Join == TierJoin.Reprocess).ToList(), ReprocessAsync).ConfigureAwait(false);
        }

        private async Task AddMembersAsync(LifecycleTier tier, List<TierMove> moves)
        {
            foreach (var chunk in Chunked.Of(moves, GroupMembershipWriter.MaxMembersPerRequest))
            {
                _stop.ThrowIfCancellationRequested();
                var outcomes = await GroupMembershipWriter.AddMembersAsync(_session, _journal, Guid.Parse(tier.Id), tier.Name,
                    chunk.Select(m => (Guid.Parse(m.User.Id), m.User.UserPrincipalName)).ToList(), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < chunk.Count; i++)
                {
                    if (outcomes[i].Succeeded || outcomes[i].AlreadyDone)
                    {
                        chunk[i].Done.Add("joined " + tier.Name);
                    }
                    else
                    {
                        chunk[i].Fail($"Graph refused to add the user to {tier.Name} ({outcomes[i].Describe()}).", "Fix what Graph reports, then run Sync-LicenseTier again.");
                    }
                }
            }
        }

        private async Task RequestAsync(TierMove move)
        {
            var package = move.Goal.RequestPackage!;
            try
            {
                var policy = await PolicyAsync(package).ConfigureAwait(false)
                    ?? throw Errors.TierNeedsAccessPackage(move.To.Name, $"its package {package.DisplayName} has no assignment policy to request it under.").ToException();
                AssignmentSchedule.Check(package.DisplayName ?? package.Id!, policy, move.Goal.RequestEnd, _session.Now);
                await AccessPackageAssignmentWriter.AddAsync(_session, _journal, new AccessPackageAssignmentChange
                {
                    AccessPackageId = Guid.Parse(package.Id!), AccessPackageName = package.DisplayName, AssignmentPolicyId = Guid.Parse(policy.Id!),
                    TargetUserId = Guid.Parse(move.User.Id), TargetUserPrincipalName = move.User.UserPrincipalName, EndDateTime = move.Goal.RequestEnd,
                    Justification = move.Goal.Justification ?? "Tier move (LicenseGovernance)",
                }, CancellationToken.None).ConfigureAwait(false);
                move.Requested = true;
                move.Done.Add($"requested {package.DisplayName}" + (move.Goal.RequestEnd == null ? "" : $" until {move.Goal.RequestEnd:yyyy-MM-dd HH:mm} UTC"));
            }
            catch (LicenseGovernanceException ex) when (Refused(ex))
            {
                move.Fail($"Requesting {package.DisplayName} failed: {ex.Error.Message}", "Fix what it says, then run the command again; the user keeps their licences meanwhile.");
            }
        }

        private async Task<AccessPackageAssignmentPolicy?> PolicyAsync(AccessPackage package)
        {
            if (!_policies.TryGetValue(package.Id!, out var policy))
            {
                var policies = await AccessPackageDirectory.PoliciesAsync(_session, package.Id!, _stop).ConfigureAwait(false);
                _policies[package.Id!] = policy = AccessPackageDirectory.OwnPolicy(policies) ?? policies.FirstOrDefault();
            }

            return policy;
        }

        private async Task ReprocessAsync(TierMove move)
        {
            try
            {
                await UserLicenseWriter.ReprocessAsync(_session, _journal, move.User.Id, move.User.UserPrincipalName, move.User.States ?? Array.Empty<LicenseState>(), CancellationToken.None).ConfigureAwait(false);
                move.Done.Add("reprocessed the user's licences");
            }
            catch (LicenseGovernanceException ex) when (Refused(ex))
            {
                move.Fail("Asking Entra to reprocess the user's licences failed: " + ex.Error.Message, "Run Sync-LicenseTier again later.");
            }
        }

        /// <summary>Polls the requested packages' assignments until each user's is delivered or the wait times out.</summary>
        private async Task WaitForDeliveryAsync(List<TierMove> moves)
        {
            var pending = moves.ToList();
            // Each round reads only the packages of the users still pending.
            pending = await _timings.PollAsync(_session, async () => pending = await UndeliveredAsync(pending).ConfigureAwait(false), p => p.Count == 0, _keepAlive, _stop).ConfigureAwait(false);
            foreach (var move in pending)
            {
                move.WaitForDelivery($"Entitlement management has not delivered {move.To.Packages.FirstOrDefault(p => string.Equals(p.Id, Awaited(move), StringComparison.OrdinalIgnoreCase))?.DisplayName} yet; the user keeps their licences meanwhile.");
            }
        }

        /// <summary>The package whose delivery brings the user into the new tier: the one requested, or the one already delivering.</summary>
        private static string Awaited(TierMove move) =>
            move.Join == TierJoin.AwaitDelivery ? move.User.Live(move.To).First(a => !a.IsDelivered).PackageId : move.Goal.RequestPackage!.Id!;

        private async Task<List<TierMove>> UndeliveredAsync(List<TierMove> moves)
        {
            var undelivered = new List<TierMove>();
            foreach (var package in moves.GroupBy(Awaited))
            {
                var delivered = new HashSet<string>((await AccessPackageDirectory.AssignmentsAsync(_session, package.Key, null, a => a.State == AccessPackageAssignmentState.Delivered, _stop, AccessPackageDirectory.TargetAndPolicy).ConfigureAwait(false))
                    .Select(a => a.Target?.ObjectId ?? a.Target?.Id ?? ""), StringComparer.OrdinalIgnoreCase);
                undelivered.AddRange(package.Where(m => !delivered.Contains(m.User.Id)));
            }

            return undelivered;
        }

        private async Task WatchActiveAsync(List<TierMove> moves)
        {
            var report = await WatchAsync(moves.Select(m => m.To.Expectation(m.User.Id)).ToList(), "Waiting for Entra to apply the new tiers").ConfigureAwait(false);
            for (var i = 0; i < moves.Count; i++)
            {
                Verified(moves[i], report.Results[i]);
            }
        }

        private static void Verified(TierMove move, LicenseWatchResult result)
        {
            if (result.Outcome == LicenseWatchOutcome.Active)
            {
                move.Done.Add($"{move.To.Name}'s licences are active");
                return;
            }

            if (result.Outcome == LicenseWatchOutcome.Error)
            {
                var sku = move.To.Licenses.FirstOrDefault(l => result.States.Any(s => s.SkuId == l.SkuId && LicenseStates.InError(s)))?.SkuPartNumber ?? move.To.Name;
                move.Fail($"Entra put {move.To.Name}'s licence in error ({result.ErrorType}); nothing was taken away, so the user keeps what they held.",
                    GroupLicenseErrorReader.Remedy(result.ErrorType ?? "Other", sku, move.To.Name) + " Then run Sync-LicenseTier again.");
                return;
            }

            move.Wait($"Entra has not applied {move.To.Name} to the user yet; nothing was taken away.", "Run Sync-LicenseTier again later; it continues from here.");
        }

        private async Task ClearReturnsAsync(List<TierMove> moves)
        {
            foreach (var move in moves)
            {
                _stop.ThrowIfCancellationRequested();
                await move.Goal.ClearReturn!.DeleteAsync(_session, _journal, move.User, CancellationToken.None).ConfigureAwait(false);
                move.Done.Add("cleared the return marker");
            }
        }

        /// <summary>
        /// Graph refused this user's write: the user stops there and the others go on. A connection that failed mid-write is not
        /// a refusal (the write may have been applied), so it ends the run; the next run reads what happened and continues.
        /// </summary>
        private static bool Refused(LicenseGovernanceException ex) => ex.Error.Id != ErrorIds.GraphUnreachable;

        private Task<LicenseWatchReport> WatchAsync(IReadOnlyList<LicenseExpectation> expectations, string title) =>
            GroupLicensingWatcher.WatchAsync(_session, new LicenseWatch(expectations, ProgressActivity.TierWait, title) { Timings = _timings, BetweenRounds = _keepAlive }, _sink);

        /// <summary>A few users at a time, so latency-bound requests overlap; Ctrl+C is honoured between rounds.</summary>
        private async Task ForEachAsync(List<TierMove> moves, Func<TierMove, Task> work)
        {
            foreach (var round in Chunked.Of(moves, Concurrent))
            {
                _stop.ThrowIfCancellationRequested();
                await Task.WhenAll(round.Select(work)).ConfigureAwait(false);
            }
        }

        private static string Skus(IEnumerable<DirectLicense> licenses) => string.Join(", ", licenses.Select(l => l.SkuPartNumber ?? l.SkuId.ToString()));

        private static string Name(TierMove move, Guid skuId) => move.Direct.FirstOrDefault(d => d.SkuId == skuId)?.SkuPartNumber ?? skuId.ToString();
    }
}
