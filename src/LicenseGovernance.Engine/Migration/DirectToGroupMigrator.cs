using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Migration
{
    /// <summary>
    /// Move-DirectToGroupLicense, after Microsoft's migration plan (document 004): plan; add the missing members; wait for
    /// Entra to process the group; verify every user inherits the SKU actively, without error, with the plans the direct
    /// assignment gave; only then remove direct assignments, in waves; report. Everything is read back from the tenant at
    /// the start, so a second run after any interruption continues where the first stopped and never redoes or undoes work.
    /// Ctrl+C is honoured between batches (and during waits), never inside a write.
    /// </summary>
    internal sealed class DirectToGroupMigrator
    {
        /// <summary>Membership requests in flight at once.</summary>
        private const int ConcurrentAdds = 4;

        private readonly GraphSession _session;
        private readonly MoveDirectToGroupLicenseRequest _request;
        private readonly IGovernanceSink _sink;
        private readonly LicenseSku _sku;
        private readonly CancellationToken _stop;

        /// <summary>The session's pacer counts every write it paced; the summary reports this run's share.</summary>
        private readonly (long Writes, long Throttled, DateTimeOffset At) _start;
        private readonly DirectToGroupMigrationSummary _summary;
        private readonly JournalScope _journal;
        private TierGroupState _group = null!;
        private HashSet<Guid> _groupPlans = new HashSet<Guid>();

        private DirectToGroupMigrator(GraphSession session, MoveDirectToGroupLicenseRequest request, LicenseSku sku, JournalScope journal, IGovernanceSink sink)
        {
            _journal = journal;
            _session = session;
            _request = request;
            _sink = sink;
            _sku = sku;
            _stop = sink.Cancellation;
            _start = (session.Pacer.Writes, session.Pacer.Throttled, session.Now);
            _summary = new DirectToGroupMigrationSummary { SkuPartNumber = sku.SkuPartNumber, CorrelationId = journal.CorrelationId };
        }

        private string GroupId => _group.Group.Id!;

        /// <param name="journal">Every membership add and every direct removal is recorded here before it is sent.</param>
        public static async Task<DirectToGroupMigrationSummary> RunAsync(GraphSession session, MoveDirectToGroupLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, JournalScope journal, IGovernanceSink sink)
        {
            Validate(request);
            var sku = LicenseSelection.ResolveOne(tenantSkus, request.Sku.Trim());
            var migrator = new DirectToGroupMigrator(session, request, sku, journal, sink);
            await migrator.RunAsync().ConfigureAwait(false);
            return migrator._summary;
        }

        private static void Validate(MoveDirectToGroupLicenseRequest request)
        {
            if (string.IsNullOrWhiteSpace(request.Sku) || string.IsNullOrWhiteSpace(request.Group))
            {
                throw Errors.MigrationRequestInvalid("both -Sku and -Group are needed.").ToException();
            }

            if (request.BatchSize < 1 || request.BatchSize > MoveDirectToGroupLicenseRequest.MaxBatchSize)
            {
                throw Errors.MigrationRequestInvalid($"-BatchSize {request.BatchSize} is outside 1 to {MoveDirectToGroupLicenseRequest.MaxBatchSize}.").ToException();
            }

            if (request.MaxUsers.HasValue && request.MaxUsers.Value < 1)
            {
                throw Errors.MigrationRequestInvalid($"-MaxUsers {request.MaxUsers} must be at least 1.").ToException();
            }

            if (request.WaitTimeoutSeconds < 0 || request.WaitTimeoutSeconds > MoveDirectToGroupLicenseRequest.MaxWaitTimeoutSeconds)
            {
                throw Errors.MigrationRequestInvalid($"-WaitTimeout {request.WaitTimeoutSeconds} is outside 0 to {MoveDirectToGroupLicenseRequest.MaxWaitTimeoutSeconds} seconds.").ToException();
            }

            if (request.User != null && request.User.Length == 0)
            {
                throw Errors.MigrationRequestInvalid("-User names no user.").ToException();
            }
        }

        private async Task RunAsync()
        {
            // Phase 1: plan, from the tenant as it is now.
            Progress(ProgressActivity.MigrationPlan, "Planning the migration", "Reading the group", -1);
            _group = await TierGroupDirectory.RequireAsync(_session, _request.Group.Trim(), _stop).ConfigureAwait(false);
            _summary.GroupName = _group.Name;
            var license = _group.Licenses.FirstOrDefault(l => l.SkuId == _sku.SkuId)
                ?? throw Errors.MigrationGroupLacksSku(_group.Name, _sku.SkuPartNumber).ToException();
            _groupPlans = PlanParity.Enabled(_sku, LicenseStates.Plans(license.DisabledPlans));

            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await TierGroupDirectory.ForEachUserMemberAsync(_session, GroupId, new[] { "id" }, u => members.Add(u.Id!), _stop).ConfigureAwait(false);
            var direct = await ReadDirectUsersAsync(members).ConfigureAwait(false);
            var work = Plan(direct);
            Progress(ProgressActivity.MigrationPlan, "Planning the migration", $"{work.Count} user(s) to migrate", 100, completed: true);

            var toAdd = work.Where(u => !u.Member).ToList();
            var action = $"Add {toAdd.Count} user(s) to the group, then remove the direct {_sku.SkuPartNumber} assignment of each of {work.Count} user(s) once the group's licence is verified active for them";
            if (work.Count == 0 || !_sink.ShouldProcess($"{_group.Name} ({GroupId})", action))
            {
                _summary.WhatIf = _request.WhatIf;
                foreach (var user in work)
                {
                    Write(user, MigrationOutcome.Planned, user.Member ? "AlreadyMember" : "AddToGroup",
                        user.Member ? "Already a member: the direct assignment goes once the inherited licence is verified." : "Will be added to the group; the direct assignment goes once the inherited licence is verified.", "");
                }

                Finish(completed: work.Count == 0);
                return;
            }

            try
            {
                // Phase 2: membership, 20 users per request.
                await AddMembersAsync(toAdd).ConfigureAwait(false);

                // Phase 3: Entra processes the group, watched user by user.
                var watched = await WatchAsync(added: toAdd.Count > 0, work).ConfigureAwait(false);

                // Phase 4: per-user verification, from what the watch read last.
                var verified = Verify(work, watched);

                // Phase 5: removals, wave by wave.
                await RemoveDirectAsync(verified).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                var hint = "Nothing was left half done: run the same Move-DirectToGroupLicense command again to continue; it reads the tenant and carries on from there.";
                _sink.WriteWarning($"Stopped at a safe point after {_summary.Migrated} migration(s) in this run. {hint}");
                _summary.NextStep = hint;
                Finish(completed: false);
                throw Errors.OperationCancelled("Move-DirectToGroupLicense", hint).ToException();
            }

            Finish(completed: _summary.Pending == 0 && _summary.Deferred == 0 && _summary.Failed == 0);
        }

        /// <summary>Every user who holds the SKU directly (of those named, with -User); users who inherit it only are counted as done.</summary>
        private async Task<List<MigrationUser>> ReadDirectUsersAsync(HashSet<string> members)
        {
            var found = new List<MigrationUser>();
            var named = _request.User != null;
            void Take(User user)
            {
                var states = LicenseStates.Of(user).Where(s => s.SkuId == _sku.SkuId).ToList();
                var direct = states.FirstOrDefault(LicenseStates.IsDirect);
                var fromGroup = states.FirstOrDefault(s => LicenseStates.FromGroup(s, GroupId));
                if (direct == null)
                {
                    if (states.Count > 0)
                    {
                        _summary.AlreadyMigrated++;
                    }

                    if (named)
                    {
                        Write(user.Id!, user.UserPrincipalName, MigrationOutcome.Skipped, states.Count > 0 ? "AlreadyMigrated" : "NoDirectAssignment",
                            states.Count > 0 ? $"Holds {_sku.SkuPartNumber} only through groups already." : $"Holds no direct {_sku.SkuPartNumber} assignment.", "");
                    }

                    return;
                }

                var disabled = LicenseStates.Plans(direct.DisabledPlans);
                var candidate = new MigrationUser(user.Id!, user.UserPrincipalName, PlanParity.Enabled(_sku, disabled))
                {
                    Member = members.Contains(user.Id!),
                    FromGroup = fromGroup,
                };
                candidate.DirectDisabled.AddRange(disabled.OrderBy(p => p));
                found.Add(candidate);
            }

            // Named users are read one by one (one named twice, by UPN and by id, is taken once); otherwise the SKU's holders.
            // The ids seen are a set: a search of the list per user made planning quadratic (17 s at 40,000 users).
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await UserStream.ReadNamedOrAllAsync(_session, DirectAssignmentReader.UserSelect, named ? _request.User : null, TierGroupDirectory.SkuFilter(_sku.SkuId), user =>
            {
                if (seen.Add(user.Id!))
                {
                    Take(user);
                }
            }, _sink).ConfigureAwait(false);

            _summary.DirectUsers = found.Count;
            return found;
        }

        /// <summary>Who is migrated in this run; the rest are reported as skipped (with why) or deferred (-MaxUsers).</summary>
        private List<MigrationUser> Plan(List<MigrationUser> direct)
        {
            var work = new List<MigrationUser>();
            foreach (var user in direct)
            {
                var (onlyDirect, onlyGroup) = PlanParity.Differences(_sku, user.DirectEnabled, _groupPlans);
                if ((onlyDirect.Length > 0 || onlyGroup.Length > 0) && !_request.AcceptPlanDifference)
                {
                    var detail = "The direct assignment and the group enable different plans" +
                        (onlyGroup.Length > 0 ? $"; the group also enables {string.Join(", ", onlyGroup)}" : "") +
                        (onlyDirect.Length > 0 ? $"; only the direct assignment enables {string.Join(", ", onlyDirect)}" : "") + ". Left untouched.";
                    Skip(user, "PlanDifference", detail,
                        "Align the plans (change the user's direct assignment, or the group with Set-LicenseTierGroup), or run again with -AcceptPlanDifference to give the user the group's plans.");
                    continue;
                }

                if (!user.Member && _group.IsDynamic)
                {
                    Skip(user, "NotInDynamicGroup", $"'{_group.Name}' has dynamic membership and its rule does not include the user, so the user cannot be added.",
                        "Change the user's attributes or the group's rule (Test-LicenseMembershipRule shows who it includes), then run again.");
                    continue;
                }

                if (_request.MaxUsers.HasValue && work.Count >= _request.MaxUsers.Value)
                {
                    _summary.Deferred++;
                    continue;
                }

                work.Add(user);
            }

            if (_summary.Deferred > 0)
            {
                _summary.NextStep = $"{_summary.Deferred} user(s) were left for a later run by -MaxUsers: run the command again to continue.";
            }

            return work;
        }

        private async Task AddMembersAsync(List<MigrationUser> toAdd)
        {
            var done = 0;
            foreach (var round in Chunked.Of(Chunked.Of(toAdd, GroupMembershipWriter.MaxMembersPerRequest).ToList(), ConcurrentAdds))
            {
                _stop.ThrowIfCancellationRequested();
                Progress(ProgressActivity.MigrationAddMembers, "Adding users to " + _group.Name, $"{done} of {toAdd.Count}", GovernanceProgress.Percent(done, toAdd.Count));
                // A few requests in flight at once: membership is bound by latency, not by the write quota (one write per 20 members).
                await Task.WhenAll(round.Select(AddChunkAsync)).ConfigureAwait(false);
                done += round.Sum(c => c.Count);
            }

            Progress(ProgressActivity.MigrationAddMembers, "Adding users to " + _group.Name, $"{done} of {toAdd.Count}", 100, completed: true);
        }

        private async Task AddChunkAsync(List<MigrationUser> chunk)
        {
            var outcomes = await GroupMembershipWriter.AddMembersAsync(_session, _journal, _group.Id, _group.Name,
                chunk.Select(u => (Guid.Parse(u.Id), u.UserPrincipalName)).ToList(), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < chunk.Count; i++)
            {
                Added(chunk[i], outcomes[i]);
            }
        }

        private void Added(MigrationUser user, WriteOutcome outcome)
        {
            // A member already (someone added them meanwhile) is as good as added.
            if (outcome.Succeeded || outcome.AlreadyDone)
            {
                user.Member = true;
                lock (_summary)
                {
                    _summary.AddedToGroup++;
                }

                return;
            }

            Fail(user, "AddToGroupFailed", $"Graph refused to add the user to '{_group.Name}' ({outcome.Status}): {outcome.Message}. The direct assignment was kept.",
                "Fix what Graph reports, then run the command again.");
        }

        /// <summary>
        /// Waits, with back-off, until Entra has given every member being migrated the SKU from the group (active or in
        /// error), has finished processing the group, or -WaitTimeout passes; the watch reads every one of them afresh.
        /// </summary>
        private async Task<LicenseWatchReport> WatchAsync(bool added, List<MigrationUser> work)
        {
            var members = work.Where(u => u.Member).ToList();
            // Nobody new, and Entra has already given every member a state from the group (active or in error): one look, no waiting.
            var judged = !added && members.All(u => u.FromGroup != null);
            var expected = new[] { new ExpectedLicense(_sku.SkuId) };
            var watch = new LicenseWatch(members.Select(u => new LicenseExpectation(u.Id, GroupId, expected)).ToList(), ProgressActivity.MigrationWait, "Waiting for Entra to process " + _group.Name)
            {
                Timings = LicenseWatchTimings.Default.WithTimeout(judged ? TimeSpan.Zero : TimeSpan.FromSeconds(_request.WaitTimeoutSeconds)),
            };
            var report = await GroupLicensingWatcher.WatchAsync(_session, watch, _sink).ConfigureAwait(false);
            if (report.TimedOut && !judged)
            {
                _sink.WriteWarning($"Entra had not finished processing '{_group.Name}' after {_request.WaitTimeoutSeconds} s (state {report.ProcessingState(GroupId)}); only users whose inherited licence is already verified lose their direct one.");
            }

            return report;
        }

        /// <summary>Keeps only users whose inherited licence can replace the direct one: active, without error, with the same plans.</summary>
        private List<MigrationUser> Verify(List<MigrationUser> work, LicenseWatchReport watched)
        {
            var byId = work.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
            var verified = new List<MigrationUser>();
            foreach (var result in watched.Results)
            {
                var user = byId[result.Expectation.UserId];
                var state = result.StateOf(_sku.SkuId);
                if (state == null)
                {
                    Pending(user, watched.TimedOut
                        ? $"Entra has not applied '{_group.Name}' to the user yet."
                        : $"Entra reports '{_group.Name}' processed, yet the user shows no {_sku.SkuPartNumber} from it.");
                    continue;
                }

                if (result.Outcome != LicenseWatchOutcome.Active)
                {
                    var type = GroupLicenseErrorReader.ErrorTypeOf(state);
                    Fail(user, "InheritedInError", $"The licence from '{_group.Name}' is {state.State} ({type}); the direct assignment was kept, so the user lost nothing.",
                        GroupLicenseErrorReader.Remedy(type, _sku.SkuPartNumber, _group.Name) + " Then run Move-DirectToGroupLicense again.");
                    continue;
                }

                var expected = _request.AcceptPlanDifference ? _groupPlans : user.DirectEnabled;
                var inherited = PlanParity.Enabled(_sku, LicenseStates.Plans(state.DisabledPlans));
                if (!inherited.SetEquals(expected))
                {
                    var (onlyInherited, onlyExpected) = PlanParity.Differences(_sku, inherited, expected);
                    Fail(user, "InheritedPlansDiffer", $"The licence from '{_group.Name}' is active but enables other plans ({string.Join(", ", onlyInherited.Concat(onlyExpected))}); the direct assignment was kept.",
                        "Wait for the group's latest licence change to reach the user (Get-DirectLicenseAssignment shows parity), then run again.");
                    continue;
                }

                verified.Add(user);
            }

            return verified;
        }

        private async Task RemoveDirectAsync(List<MigrationUser> verified)
        {
            var done = 0;
            var wave = 0;
            foreach (var users in Chunked.Of(verified, _request.BatchSize))
            {
                wave++;
                var failedBefore = _summary.Failed;
                foreach (var chunk in Chunked.Of(users, GraphBatch.MaxRequests))
                {
                    _stop.ThrowIfCancellationRequested();
                    Progress(ProgressActivity.MigrationRemove, "Removing direct " + _sku.SkuPartNumber + " assignments", $"wave {wave}: {done} of {verified.Count} migrated", GovernanceProgress.Percent(done, verified.Count));
                    await RemoveChunkAsync(chunk, verified.Count - done - chunk.Count).ConfigureAwait(false);
                    done += chunk.Count;
                }

                if (wave == 1)
                {
                    await CheckFirstWaveAsync(users).ConfigureAwait(false);
                }

                var failed = _summary.Failed - failedBefore;
                if (failed * 2 > users.Count)
                {
                    // A wave mostly refused points at a systematic problem: the remaining users keep their direct licences.
                    var left = verified.Count - done;
                    _sink.WriteWarning($"{failed} of {users.Count} removals in wave {wave} failed, so the remaining {left} user(s) were left untouched. Fix the cause shown in the results and run the command again.");
                    _summary.Pending += left;
                    _summary.NextStep = "Fix the failures of the last wave, then run the command again.";
                    break;
                }
            }

            Progress(ProgressActivity.MigrationRemove, "Removing direct " + _sku.SkuPartNumber + " assignments", $"{done} of {verified.Count}", 100, completed: true);
        }

        /// <summary>Up to 20 removals in one $batch; Graph's final answer for each user is reported.</summary>
        private async Task RemoveChunkAsync(List<MigrationUser> chunk, long writesAfter)
        {
            var outcomes = await UserLicenseWriter.RemoveDirectAsync(_session, _journal, chunk.Select(u => (Guid.Parse(u.Id), u.UserPrincipalName, Held(u))).ToList(),
                writesAfter, CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < chunk.Count; i++)
            {
                Removed(chunk[i], outcomes[i]);
            }
        }

        private void Removed(MigrationUser user, WriteOutcome outcome)
        {
            if (outcome.Succeeded)
            {
                Migrated(user, "The direct assignment was removed; the user keeps the licence through the group.");
            }
            else if (outcome.AlreadyDone)
            {
                // Gone already (removed by someone else meanwhile): nothing to remove twice.
                Migrated(user, "The direct assignment was already gone; the user holds the licence through the group.");
            }
            else if (outcome.Transient)
            {
                Fail(user, "RemovalFailed", $"Graph kept answering {outcome.Status} to the removal; the direct assignment was kept.", "Run the command again later.");
            }
            else
            {
                Fail(user, "RemovalFailed", $"Graph refused to remove the direct assignment ({outcome.Status}): {outcome.Message}. The user keeps it.", "Fix what Graph reports, then run the command again.");
            }
        }

        /// <summary>The user's direct assignment of the SKU, as the journal records it.</summary>
        private DirectLicense Held(MigrationUser user) => new DirectLicense(_sku.SkuId, _sku.SkuPartNumber, user.DirectDisabled);

        /// <summary>
        /// The first wave is the subset Microsoft's plan asks to watch: read back, every one of its users must still hold the
        /// SKU. One who does not gets the direct assignment back at once, and the run stops before anyone else is touched.
        /// </summary>
        private async Task CheckFirstWaveAsync(List<MigrationUser> wave)
        {
            var lost = new List<MigrationUser>();
            foreach (var chunk in Chunked.Of(wave, GraphBatch.MaxRequests))
            {
                var held = await HeldSkuReader.ReadAsync(_session, chunk.Select(u => u.Id).ToList(), CancellationToken.None).ConfigureAwait(false);
                lost.AddRange(chunk.Where((u, i) => held[i] != null && !held[i]!.Contains(_sku.SkuId)));
            }

            if (lost.Count == 0)
            {
                return;
            }

            foreach (var user in lost)
            {
                await UserLicenseWriter.AddAsync(_session, _journal, Guid.Parse(user.Id), user.UserPrincipalName, Held(user), CancellationToken.None).ConfigureAwait(false);
            }

            throw Errors.MigrationRequestInvalid(
                $"{lost.Count} user(s) of the first wave no longer held {_sku.SkuPartNumber} after their direct assignment was removed (for example {lost[0].Name}); their direct assignments were restored and the migration stopped. Check '{_group.Name}' with Get-DirectLicenseAssignment before running again.").ToException();
        }

        private void Migrated(MigrationUser user, string detail)
        {
            _summary.Migrated++;
            Write(user, MigrationOutcome.Migrated, "Migrated", detail, "");
        }

        private void Skip(MigrationUser user, string reason, string detail, string remedy)
        {
            _summary.Skipped++;
            Write(user, MigrationOutcome.Skipped, reason, detail, remedy);
        }

        private void Fail(MigrationUser user, string reason, string detail, string remedy)
        {
            lock (_summary)
            {
                _summary.Failed++;
                Write(user, MigrationOutcome.Failed, reason, detail, remedy);
            }
        }

        private void Pending(MigrationUser user, string detail)
        {
            _summary.Pending++;
            _summary.NextStep ??= "Some users could not be verified yet: run the command again later (a longer -WaitTimeout waits for Entra).";
            Write(user, MigrationOutcome.Pending, "NotYetInherited", detail + " The direct assignment was kept.", "Run the command again once Entra has processed the group.");
        }

        private void Write(MigrationUser user, MigrationOutcome outcome, string reason, string detail, string remedy) =>
            Write(user.Id, user.UserPrincipalName, outcome, reason, detail, remedy);

        private void Write(string id, string? upn, MigrationOutcome outcome, string reason, string detail, string remedy)
        {
            if (_request.Summary)
            {
                return;
            }

            _sink.WriteObject(new DirectToGroupMigrationResult
            {
                UserId = Guid.Parse(id),
                UserPrincipalName = upn,
                SkuPartNumber = _sku.SkuPartNumber,
                GroupName = _group?.Name ?? _request.Group,
                Outcome = outcome,
                Reason = reason,
                Detail = detail,
                Remedy = remedy,
                CorrelationId = _journal.CorrelationId,
            });
        }

        // Rows or the summary, never both: a stream of one type exports to one CSV without a half-empty last row.
        private void Finish(bool completed)
        {
            _summary.Completed = completed && !_summary.WhatIf;
            _summary.Writes = _session.Pacer.Writes - _start.Writes;
            _summary.Throttled = _session.Pacer.Throttled - _start.Throttled;
            _summary.Elapsed = _session.Now - _start.At;
            _summary.WritesPerSecond = _summary.Elapsed.TotalSeconds > 0 ? _summary.Writes / _summary.Elapsed.TotalSeconds : 0;
            if (_request.Summary)
            {
                _sink.WriteObject(_summary);
            }
        }

        private void Progress(int activity, string title, string status, int percent, bool completed = false) =>
            _sink.WriteProgress(new GovernanceProgress(activity, title, status, percent, completed));
    }
}
