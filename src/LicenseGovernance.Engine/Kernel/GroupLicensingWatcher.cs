using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Waits for group-based licensing to reach the users a caller expects it to reach, and reports each as Active, Error
    /// or Pending with the states it last saw (for a user who left a group: Gone once nothing from it is left). Every wait
    /// on Entra goes through here, so "settled" means one thing: a licence is active only when Graph shows it Active from
    /// that group, as expected; no state, or no error yet, is not.
    /// Rounds of reads alternate with pauses (<see cref="LicenseWatchTimings"/>) until every user settles, every group
    /// still awaited has finished processing, or the timeout passes.
    /// </summary>
    internal sealed class GroupLicensingWatcher
    {
        /// <summary>
        /// A group with more unsettled users than this is read through its member pages (999 users a request) instead of by
        /// id: a few users cost fewer requests by id, many cost fewer by page.
        /// </summary>
        private const int MostUsersReadById = 3 * UsersById.PerRequest;

        private const int MemberPageSize = 999;

        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates" };

        private readonly GraphSession _session;
        private readonly LicenseWatch _watch;
        private readonly IGovernanceSink _sink;
        private readonly List<LicenseWatchResult> _results;
        private readonly Dictionary<string, List<LicenseWatchResult>> _byUser;
        private readonly Dictionary<string, WatchedGroup> _groups;
        private readonly HashSet<string> _readThisRound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly DateTimeOffset _started;
        private readonly DateTimeOffset _deadline;
        private readonly DateTimeOffset _changedAt;
        private bool _firstRound = true;

        private GroupLicensingWatcher(GraphSession session, LicenseWatch watch, IGovernanceSink sink)
        {
            _session = session;
            _watch = watch;
            _sink = sink;
            _started = session.Now;
            _deadline = _started + watch.Timings.Timeout;
            _changedAt = watch.ChangedAt ?? _started;
            _results = watch.Expectations.Select(e => new LicenseWatchResult(e)).ToList();
            _byUser = _results.GroupBy(r => r.Expectation.UserId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            _groups = _results.Select(r => r.Expectation.GroupId).Distinct(StringComparer.OrdinalIgnoreCase)
                .ToDictionary(id => id, _ => new WatchedGroup(), StringComparer.OrdinalIgnoreCase);
        }

        public static Task<LicenseWatchReport> WatchAsync(GraphSession session, LicenseWatch watch, IGovernanceSink sink) =>
            new GroupLicensingWatcher(session, watch, sink).RunAsync();

        private async Task<LicenseWatchReport> RunAsync()
        {
            var poll = _watch.Timings.FirstPoll;
            while (true)
            {
                var roundStarted = _session.Now;
                await ReadRoundAsync().ConfigureAwait(false);
                var pending = Pending();
                if (pending.Count == 0 || pending.All(r => _groups[r.Expectation.GroupId].Finished(_session.Now - _started, _watch.Timings.SettleTime)))
                {
                    return Finish(timedOut: false);
                }

                var left = _deadline - _session.Now;
                if (left <= TimeSpan.Zero)
                {
                    return Finish(timedOut: true);
                }

                Progress(pending.Count, completed: false);
                if (_watch.BetweenRounds != null)
                {
                    await _watch.BetweenRounds().ConfigureAwait(false);
                }

                // The last pause leaves room for one more round before the deadline, so that final look ends on time too.
                var room = left - (_session.Now - roundStarted);
                await _session.WaitAsync(TimeSpan.FromTicks(Math.Max(0, Math.Min(poll.Ticks, room.Ticks))), _sink.Cancellation).ConfigureAwait(false);
                poll = _watch.Timings.After(poll);
            }
        }

        /// <summary>
        /// One round: the processing state of each group still awaited, then the states of its unsettled users. The first
        /// round reads everything (a watch always looks once); later rounds send no request once the deadline has passed,
        /// so a slow tenant or a large group cannot carry the wait far beyond its timeout.
        /// </summary>
        private async Task ReadRoundAsync()
        {
            var pending = Pending();
            _readThisRound.Clear();
            foreach (var groupId in pending.Select(r => r.Expectation.GroupId).Distinct(StringComparer.OrdinalIgnoreCase).ToList())
            {
                await ReadProcessingStateAsync(groupId).ConfigureAwait(false);
            }

            var byId = new List<string>();
            foreach (var group in pending.GroupBy(r => r.Expectation.GroupId, StringComparer.OrdinalIgnoreCase))
            {
                var users = group.Select(r => r.Expectation.UserId).ToList();
                // A user who left the group is no longer among its members, so only a read by id can show what is left.
                if (users.Count > MostUsersReadById && !group.Any(r => r.Expectation.ExpectsNone))
                {
                    await ReadMembersAsync(group.Key).ConfigureAwait(false);
                }
                else
                {
                    byId.AddRange(users);
                }
            }

            await ReadUsersAsync(byId.Where(id => !_readThisRound.Contains(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()).ConfigureAwait(false);
            _firstRound = false;
        }

        private bool MayRead()
        {
            _sink.Cancellation.ThrowIfCancellationRequested();
            return _firstRound || _session.Now <= _deadline;
        }

        private async Task ReadProcessingStateAsync(string groupId)
        {
            if (!MayRead())
            {
                return;
            }

            var cancellation = _sink.Cancellation;
            var group = await _session.CallOrNotFoundAsync("read group " + groupId, "ReadGroups",
                c => c.Groups[groupId].GetAsync(q => q.QueryParameters.Select = new[] { "id", "licenseProcessingState" }, cancellation), cancellation).ConfigureAwait(false);
            _groups[groupId].Observe(group?.LicenseProcessingState?.State);
        }

        /// <summary>The group's user members, a page at a time, stopping between pages once the deadline has passed.</summary>
        private async Task ReadMembersAsync(string groupId)
        {
            var cancellation = _sink.Cancellation;
            string? next = null;
            do
            {
                if (!MayRead())
                {
                    return;
                }

                var link = next;
                var page = await _session.CallAsync("list members of group " + groupId, "ReadGroups", c => link == null
                    ? c.Groups[groupId].Members.GraphUser.GetAsync(r =>
                    {
                        r.QueryParameters.Select = UserSelect;
                        r.QueryParameters.Top = MemberPageSize;
                    }, cancellation)
                    : c.Groups[groupId].Members.GraphUser.WithUrl(link).GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
                Take(page?.Value);
                next = page?.OdataNextLink;
            }
            while (next != null);
        }

        /// <summary>A few users by id, as many to a request as Graph allows.</summary>
        private async Task ReadUsersAsync(IReadOnlyList<string> ids)
        {
            var cancellation = _sink.Cancellation;
            for (var i = 0; i < ids.Count; i += UsersById.PerRequest)
            {
                if (!MayRead())
                {
                    return;
                }

                Take(await UsersById.ReadAsync(_session, "read users' licence states", ids.Skip(i).Take(UsersById.PerRequest), UserSelect, cancellation).ConfigureAwait(false));
            }
        }

        private void Take(IEnumerable<User>? users)
        {
            foreach (var user in users ?? Enumerable.Empty<User>())
            {
                if (user.Id == null || !_byUser.TryGetValue(user.Id, out var results))
                {
                    continue;
                }

                _readThisRound.Add(user.Id);
                foreach (var result in results.Where(r => !r.Settled))
                {
                    result.Observe(user, _changedAt, _groups[result.Expectation.GroupId].VisiblyProcessed);
                }
            }
        }

        private List<LicenseWatchResult> Pending() => _results.Where(r => !r.Settled).ToList();

        private LicenseWatchReport Finish(bool timedOut)
        {
            Progress(Pending().Count, completed: true);
            return new LicenseWatchReport(_results, _groups, timedOut);
        }

        private void Progress(int pending, bool completed)
        {
            var total = _results.Count;
            var active = _results.Count(r => r.Outcome == LicenseWatchOutcome.Active);
            var gone = _results.Count(r => r.Outcome == LicenseWatchOutcome.Gone);
            var status = $"{total - pending} of {total} settled ({active} active, {(gone > 0 ? gone + " gone, " : "")}{total - pending - active - gone} in error), {(_session.Now - _started).TotalSeconds:0} s so far";
            _sink.WriteProgress(new GovernanceProgress(_watch.ProgressActivity, _watch.ProgressTitle, status,
                completed ? 100 : GovernanceProgress.Percent(total - pending, total), completed));
        }
    }
}
