using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Tiers;
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
        internal static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(2);
        internal static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(60);

        /// <summary>How long a group that never showed a processing state must stay complete before it counts as finished.</summary>
        internal static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

        /// <summary>Membership requests in flight at once.</summary>
        private const int ConcurrentAdds = 4;

        /// <summary>Attempts per write for answers other than 429 that are worth repeating (503, 504, ...).</summary>
        private const int TransientAttempts = 8;

        /// <summary>429s one write may meet before it is reported as failed; the pacer should keep this far away.</summary>
        private const int ThrottleAttempts = 30;

        private readonly GraphSession _session;
        private readonly MoveDirectToGroupLicenseRequest _request;
        private readonly IGovernanceSink _sink;
        private readonly LicenseSku _sku;
        private readonly CancellationToken _stop;
        private readonly WritePacer _pacer;
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
            _pacer = new WritePacer(() => session.Now, session.WaitAsync);
            _summary = new DirectToGroupMigrationSummary { SkuPartNumber = sku.SkuPartNumber };
        }

        private string GroupId => _group.Group.Id!;

        /// <param name="journal">Every membership add and every direct removal is recorded here before it is sent.</param>
        public static async Task RunAsync(GraphSession session, MoveDirectToGroupLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, JournalScope journal, IGovernanceSink sink)
        {
            Validate(request);
            var sku = LicenseSelection.ResolveSkus(tenantSkus, new[] { request.Sku.Trim() })[0];
            await new DirectToGroupMigrator(session, request, sku, journal, sink).RunAsync().ConfigureAwait(false);
        }

        private static void Validate(MoveDirectToGroupLicenseRequest request)
        {
            if (string.IsNullOrWhiteSpace(request.Sku) || string.IsNullOrWhiteSpace(request.Group))
            {
                throw Errors.MigrationRequestInvalid("both -Sku and -Group are needed.").ToException();
            }

            if (request.BatchSize < 1 || request.BatchSize > 10000)
            {
                throw Errors.MigrationRequestInvalid($"-BatchSize {request.BatchSize} is outside 1 to 10000.").ToException();
            }

            if (request.MaxUsers.HasValue && request.MaxUsers.Value < 1)
            {
                throw Errors.MigrationRequestInvalid($"-MaxUsers {request.MaxUsers} must be at least 1.").ToException();
            }

            if (request.WaitTimeoutSeconds < 0)
            {
                throw Errors.MigrationRequestInvalid("-WaitTimeout cannot be negative.").ToException();
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
                _summary.WhatIf = work.Count > 0;
                foreach (var user in work)
                {
                    Write(user, "Planned", user.Member ? "AlreadyMember" : "AddToGroup",
                        user.Member ? "Already a member: the direct assignment goes once the inherited licence is verified." : "Will be added to the group; the direct assignment goes once the inherited licence is verified.", "");
                }

                Finish(completed: work.Count == 0);
                return;
            }

            try
            {
                // Phase 2: membership, 20 users per request.
                await AddMembersAsync(toAdd).ConfigureAwait(false);

                // Phase 3: Entra processes the group.
                var finished = await WaitForProcessingAsync(added: toAdd.Count > 0, work).ConfigureAwait(false);

                // Phase 4: per-user verification, from a fresh read.
                var verified = await VerifyAsync(work, finished).ConfigureAwait(false);

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
                        Write(user.Id!, user.UserPrincipalName, "Skipped", states.Count > 0 ? "AlreadyMigrated" : "NoDirectAssignment",
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
            await UserStream.ReadNamedOrAllAsync(_session, DirectAssignmentReader.UserSelect, named ? _request.User : null, $"assignedLicenses/any(x:x/skuId eq {_sku.SkuId})", user =>
            {
                if (!found.Exists(f => string.Equals(f.Id, user.Id, StringComparison.OrdinalIgnoreCase)))
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
            foreach (var round in Chunks(Chunks(toAdd, MigrationWrites.ChunkSize).ToList(), ConcurrentAdds))
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
            var entries = await _journal.RecordAsync(chunk.Select(u => ChangeIntents.AddGroupMember(_group.Id, _group.Name, Guid.Parse(u.Id), u.UserPrincipalName)).ToList(), CancellationToken.None).ConfigureAwait(false);
            var outcome = await WriteWithRetriesAsync(1, () => MigrationWrites.AddMembersAsync(_session, GroupId, chunk.Select(u => u.Id).ToList(), CancellationToken.None)).ConfigureAwait(false);
            var outcomes = new List<(JournalEntry, string?)>();
            for (var i = 0; i < chunk.Count; i++)
            {
                var user = chunk[i];
                var single = outcome;
                if (MigrationWrites.AlreadyMember(outcome))
                {
                    // Someone added one of them meanwhile; the request is all or nothing, so the chunk goes one by one.
                    single = await WriteWithRetriesAsync(1, () => MigrationWrites.AddMemberAsync(_session, GroupId, user.Id, CancellationToken.None)).ConfigureAwait(false);
                }

                Added(user, single);
                outcomes.Add((entries[i], single.Succeeded ? null : $"{single.Status}: {single.Message}"));
            }

            await _journal.CompleteAsync(outcomes, CancellationToken.None).ConfigureAwait(false);
        }

        private void Added(MigrationUser user, WriteOutcome outcome)
        {
            if (outcome.Succeeded)
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

        /// <summary>Polls the group's processing state with back-off until Entra has finished, or -WaitTimeout passes.</summary>
        private async Task<bool> WaitForProcessingAsync(bool added, List<MigrationUser> work)
        {
            // Nobody new, and Entra has already given every member a state from the group (active or in error): nothing to wait for.
            if (!added && work.Where(u => u.Member).All(u => u.FromGroup != null))
            {
                return true;
            }

            var started = _session.Now;
            var deadline = started + TimeSpan.FromSeconds(_request.WaitTimeoutSeconds);
            var delay = FirstPoll;
            var sawProcessing = false;
            while (true)
            {
                var group = await _session.CallAsync("read group " + _group.Name, "ReadGroups",
                    c => c.Groups[GroupId].GetAsync(q => q.QueryParameters.Select = new[] { "id", "licenseProcessingState" }, _stop), _stop).ConfigureAwait(false);
                var state = group?.LicenseProcessingState?.State ?? "unknown";
                var complete = string.Equals(state, "ProcessingComplete", StringComparison.OrdinalIgnoreCase);
                sawProcessing |= !complete;
                var waited = _session.Now - started;
                // Right after a change the group may still report its previous ProcessingComplete.
                if (complete && (sawProcessing || waited >= SettleTime))
                {
                    Progress(ProgressActivity.MigrationWait, "Waiting for Entra to process " + _group.Name, "Processing complete", 100, completed: true);
                    return true;
                }

                if (_session.Now >= deadline)
                {
                    Progress(ProgressActivity.MigrationWait, "Waiting for Entra to process " + _group.Name, "Timed out", 100, completed: true);
                    _sink.WriteWarning($"Entra had not finished processing '{_group.Name}' after {_request.WaitTimeoutSeconds} s (state {state}); only users whose inherited licence is already verified lose their direct one.");
                    return false;
                }

                Progress(ProgressActivity.MigrationWait, "Waiting for Entra to process " + _group.Name, $"{state}, {waited.TotalSeconds:0} s so far",
                    _request.WaitTimeoutSeconds == 0 ? -1 : GovernanceProgress.Percent((long)waited.TotalSeconds, _request.WaitTimeoutSeconds));
                var left = deadline - _session.Now;
                await _session.WaitAsync(delay < left ? delay : left, _stop).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPoll.Ticks));
            }
        }

        /// <summary>Reads every member's licence states afresh and keeps only users whose inherited licence can replace the direct one.</summary>
        private async Task<List<MigrationUser>> VerifyAsync(List<MigrationUser> work, bool processingFinished)
        {
            var byId = work.Where(u => u.Member).ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
            var seen = 0;
            await TierGroupDirectory.ForEachUserMemberAsync(_session, GroupId, DirectAssignmentReader.UserSelect, u =>
            {
                if (byId.TryGetValue(u.Id!, out var user))
                {
                    user.FromGroup = LicenseStates.Of(u).FirstOrDefault(s => s.SkuId == _sku.SkuId && LicenseStates.FromGroup(s, GroupId));
                    if (++seen % 999 == 0)
                    {
                        Progress(ProgressActivity.MigrationVerify, "Verifying inherited licences", $"{seen} of {byId.Count}", GovernanceProgress.Percent(seen, byId.Count));
                    }
                }
            }, _stop).ConfigureAwait(false);
            Progress(ProgressActivity.MigrationVerify, "Verifying inherited licences", $"{byId.Count} user(s)", 100, completed: true);

            var verified = new List<MigrationUser>();
            foreach (var user in byId.Values)
            {
                var state = user.FromGroup;
                if (state == null)
                {
                    Pending(user, processingFinished
                        ? $"Entra reports '{_group.Name}' processed, yet the user shows no {_sku.SkuPartNumber} from it."
                        : $"Entra has not applied '{_group.Name}' to the user yet.");
                    continue;
                }

                if (!LicenseStates.IsActive(state) || LicenseStates.HasError(state))
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
            foreach (var users in Chunks(verified, _request.BatchSize))
            {
                wave++;
                var failedBefore = _summary.Failed;
                foreach (var chunk in Chunks(users, MigrationWrites.ChunkSize))
                {
                    _stop.ThrowIfCancellationRequested();
                    _pacer.RemainingWrites = verified.Count - done - chunk.Count;
                    Progress(ProgressActivity.MigrationRemove, "Removing direct " + _sku.SkuPartNumber + " assignments", $"wave {wave}: {done} of {verified.Count} migrated", GovernanceProgress.Percent(done, verified.Count));
                    await RemoveChunkAsync(chunk).ConfigureAwait(false);
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

        /// <summary>Up to 20 removals in one $batch, repeated for the items Graph throttled or could not serve.</summary>
        private async Task RemoveChunkAsync(List<MigrationUser> chunk)
        {
            var left = chunk.ToList();
            var attempts = chunk.ToDictionary(u => u.Id, _ => (Transient: 0, Throttled: 0));
            var before = new Dictionary<string, DirectLicense>();
            var recorded = await _journal.RecordAsync(chunk.Select(u =>
            {
                var direct = new DirectLicense(_sku.SkuId, _sku.SkuPartNumber, u.DirectDisabled);
                before[u.Id] = direct;
                return ChangeIntents.AssignUserLicenses(Guid.Parse(u.Id), u.UserPrincipalName, new[] { direct }, Array.Empty<DirectLicense>());
            }).ToList(), CancellationToken.None).ConfigureAwait(false);
            var entries = chunk.Select((u, i) => (u.Id, Entry: recorded[i])).ToDictionary(e => e.Id, e => e.Entry);
            while (left.Count > 0)
            {
                await _pacer.AcquireAsync(left.Count, CancellationToken.None).ConfigureAwait(false);
                var outcomes = await MigrationWrites.RemoveDirectAsync(_session, left.Select(u => u.Id).ToList(), _sku.SkuId, CancellationToken.None).ConfigureAwait(false);
                var again = new List<MigrationUser>();
                var settled = new List<(JournalEntry, string?)>();
                var accepted = 0;
                var throttled = 0;
                var retryAfter = TimeSpan.Zero;
                var transientOnly = false;
                for (var i = 0; i < left.Count; i++)
                {
                    var user = left[i];
                    var outcome = outcomes[i];
                    if (outcome.RetryAfter > retryAfter)
                    {
                        retryAfter = outcome.RetryAfter;
                    }

                    if (outcome.Succeeded)
                    {
                        accepted++;
                        settled.Add((entries[user.Id], null));
                        Migrated(user, "The direct assignment was removed; the user keeps the licence through the group.");
                    }
                    else if (outcome.Status == 400 && outcome.Message?.IndexOf("does not have a corresponding license", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        // Gone already (removed by someone else meanwhile): nothing to remove twice.
                        settled.Add((entries[user.Id], "The direct assignment was already gone."));
                        Migrated(user, "The direct assignment was already gone; the user holds the licence through the group.");
                    }
                    else if (outcome.Transient)
                    {
                        var (transient, limited) = attempts[user.Id];
                        attempts[user.Id] = outcome.Throttled ? (transient, limited + 1) : (transient + 1, limited);
                        if (outcome.Throttled)
                        {
                            throttled++;
                        }
                        else
                        {
                            transientOnly = true;
                        }

                        if (attempts[user.Id].Transient >= TransientAttempts || attempts[user.Id].Throttled >= ThrottleAttempts)
                        {
                            settled.Add((entries[user.Id], $"{outcome.Status}: {outcome.Message}"));
                            Fail(user, "RemovalFailed", $"Graph kept answering {outcome.Status} to the removal; the direct assignment was kept.", "Run the command again later.");
                        }
                        else
                        {
                            again.Add(user);
                        }
                    }
                    else
                    {
                        settled.Add((entries[user.Id], $"{outcome.Status}: {outcome.Message}"));
                        Fail(user, "RemovalFailed", $"Graph refused to remove the direct assignment ({outcome.Status}): {outcome.Message}. The user keeps it.", "Fix what Graph reports, then run the command again.");
                    }
                }

                await _journal.CompleteAsync(settled, CancellationToken.None).ConfigureAwait(false);
                _pacer.Observe(accepted, throttled, retryAfter, outcomes.Max(o => o.Usage));
                if (transientOnly && throttled == 0)
                {
                    var worst = again.Count == 0 ? 1 : again.Max(u => attempts[u.Id].Transient);
                    _pacer.Pause(retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(Math.Min(32, 1 << Math.Min(5, worst))));
                }

                left = again;
            }
        }

        /// <summary>
        /// The first wave is the subset Microsoft's plan asks to watch: read back, every one of its users must still hold the
        /// SKU. One who does not gets the direct assignment back at once, and the run stops before anyone else is touched.
        /// </summary>
        private async Task CheckFirstWaveAsync(List<MigrationUser> wave)
        {
            var lost = new List<MigrationUser>();
            foreach (var chunk in Chunks(wave, MigrationWrites.ChunkSize))
            {
                var held = await MigrationWrites.HeldSkusAsync(_session, chunk.Select(u => u.Id).ToList(), CancellationToken.None).ConfigureAwait(false);
                lost.AddRange(chunk.Where((u, i) => held[i] != null && !held[i]!.Contains(_sku.SkuId)));
            }

            if (lost.Count == 0)
            {
                return;
            }

            foreach (var user in lost)
            {
                var restored = new DirectLicense(_sku.SkuId, _sku.SkuPartNumber, user.DirectDisabled);
                await _journal.RunAsync(ChangeIntents.AssignUserLicenses(Guid.Parse(user.Id), user.UserPrincipalName, Array.Empty<DirectLicense>(), new[] { restored }), () => _session.CallAsync("restore the direct licence of " + user.Name, "AssignUserLicense",
                    c => c.Users[user.Id].AssignLicense.PostAsync(new Microsoft.Graph.Users.Item.AssignLicense.AssignLicensePostRequestBody
                    {
                        AddLicenses = new List<AssignedLicense> { new AssignedLicense { SkuId = _sku.SkuId, DisabledPlans = user.DirectDisabled.Select(p => (Guid?)p).ToList() } },
                        RemoveLicenses = new List<Guid?>(),
                    }, cancellationToken: CancellationToken.None), CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
            }

            throw Errors.MigrationRequestInvalid(
                $"{lost.Count} user(s) of the first wave no longer held {_sku.SkuPartNumber} after their direct assignment was removed (for example {lost[0].Name}); their direct assignments were restored and the migration stopped. Check '{_group.Name}' with Get-DirectLicenseAssignment before running again.").ToException();
        }

        /// <summary>Sends one write, obeying Retry-After on 429 and backing off on 503, until Graph answers something else.</summary>
        private async Task<WriteOutcome> WriteWithRetriesAsync(int writes, Func<Task<WriteOutcome>> send)
        {
            for (var attempt = 1; ; attempt++)
            {
                await _pacer.AcquireAsync(writes, CancellationToken.None).ConfigureAwait(false);
                var outcome = await send().ConfigureAwait(false);
                _pacer.Observe(outcome.Succeeded ? writes : 0, outcome.Throttled ? writes : 0, outcome.RetryAfter, outcome.Usage);
                if (!outcome.Transient || attempt >= (outcome.Throttled ? ThrottleAttempts : TransientAttempts))
                {
                    return outcome;
                }

                if (!outcome.Throttled)
                {
                    _pacer.Pause(outcome.RetryAfter > TimeSpan.Zero ? outcome.RetryAfter : TimeSpan.FromSeconds(Math.Min(32, 1 << Math.Min(5, attempt))));
                }
            }
        }

        private void Migrated(MigrationUser user, string detail)
        {
            _summary.Migrated++;
            Write(user, "Migrated", "Migrated", detail, "");
        }

        private void Skip(MigrationUser user, string reason, string detail, string remedy)
        {
            _summary.Skipped++;
            Write(user, "Skipped", reason, detail, remedy);
        }

        private void Fail(MigrationUser user, string reason, string detail, string remedy)
        {
            lock (_summary)
            {
                _summary.Failed++;
                Write(user, "Failed", reason, detail, remedy);
            }
        }

        private void Pending(MigrationUser user, string detail)
        {
            _summary.Pending++;
            _summary.NextStep ??= "Some users could not be verified yet: run the command again later (a longer -WaitTimeout waits for Entra).";
            Write(user, "Pending", "NotYetInherited", detail + " The direct assignment was kept.", "Run the command again once Entra has processed the group.");
        }

        private void Write(MigrationUser user, string outcome, string reason, string detail, string remedy) =>
            Write(user.Id, user.UserPrincipalName, outcome, reason, detail, remedy);

        private void Write(string id, string? upn, string outcome, string reason, string detail, string remedy) =>
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
            });

        private void Finish(bool completed)
        {
            _summary.Completed = completed && !_summary.WhatIf;
            _summary.Writes = _pacer.Writes;
            _summary.Throttled = _pacer.Throttled;
            _summary.Elapsed = _pacer.Elapsed;
            _summary.WritesPerSecond = _summary.Elapsed.TotalSeconds > 0 ? _pacer.Writes / _summary.Elapsed.TotalSeconds : 0;
            _sink.WriteObject(_summary);
        }

        private void Progress(int activity, string title, string status, int percent, bool completed = false) =>
            _sink.WriteProgress(new GovernanceProgress(activity, title, status, percent, completed));

        private static IEnumerable<List<T>> Chunks<T>(List<T> items, int size)
        {
            for (var i = 0; i < items.Count; i += size)
            {
                yield return items.GetRange(i, Math.Min(size, items.Count - i));
            }
        }
    }
}
