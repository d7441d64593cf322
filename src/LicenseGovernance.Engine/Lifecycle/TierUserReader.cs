using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Reads the users of the tier system with as few requests as the tenant's size allows: each tier group's members with
    /// their licence states, a page of 999 at a time; the tier packages' assignments; and only for users outside every tier
    /// group (an assignment not delivered yet, one that ended, a bridge in the journal) a read by id, fifteen to a request.
    /// Nothing is read per user when nothing is to do, except the return marker of users whose assignment ends soon.
    /// </summary>
    internal sealed class TierUserReader
    {
        /// <summary>An assignment that ended this recently still brings its user into the tier system (the reconciler may have run late).</summary>
        public static readonly TimeSpan RecentlyEnded = TimeSpan.FromDays(7);

        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates" };

        private readonly GraphSession _session;
        private readonly TierSystem _system;
        private readonly TimeSpan _lookAhead;
        private readonly IGovernanceSink _sink;
        private readonly Dictionary<string, TierUser> _users = new Dictionary<string, TierUser>(StringComparer.OrdinalIgnoreCase);

        private TierUserReader(GraphSession session, TierSystem system, TimeSpan lookAhead, IGovernanceSink sink)
        {
            _session = session;
            _system = system;
            _lookAhead = lookAhead;
            _sink = sink;
        }

        /// <summary>Every user in the tier system.</summary>
        public static async Task<IReadOnlyList<TierUser>> ReadAllAsync(GraphSession session, TierSystem system, TimeSpan lookAhead, IReadOnlyDictionary<string, HashSet<Guid>> journalBridges, IGovernanceSink sink)
        {
            var reader = new TierUserReader(session, system, lookAhead, sink);
            await reader.ReadMembersAsync().ConfigureAwait(false);
            await reader.ReadAssignmentsAsync().ConfigureAwait(false);
            reader.AddJournalBridges(journalBridges, onlyKnown: false);
            await reader.ReadOutsidersAsync().ConfigureAwait(false);
            await reader.ReadRemovalsAsync().ConfigureAwait(false);
            await reader.ReadReturnsAsync().ConfigureAwait(false);
            return reader._users.Values.ToList();
        }

        /// <summary>The users named (by user principal name or id); one Graph does not know is written as UserNotFound.</summary>
        public static async Task<IReadOnlyList<TierUser>> ReadNamedAsync(GraphSession session, TierSystem system, TimeSpan lookAhead, IReadOnlyCollection<string> names, IReadOnlyDictionary<string, HashSet<Guid>> journalBridges, IGovernanceSink sink)
        {
            var reader = new TierUserReader(session, system, lookAhead, sink);
            var users = new List<User>();
            await UserStream.ReadNamedOrAllAsync(session, UserSelect, names, null, users.Add, sink).ConfigureAwait(false);
            foreach (var user in users)
            {
                await reader.ReadOneAsync(user).ConfigureAwait(false);
            }

            reader.AddJournalBridges(journalBridges, onlyKnown: true);
            await reader.ReadRemovalsAsync().ConfigureAwait(false);
            await reader.ReadReturnsAsync().ConfigureAwait(false);
            return reader._users.Values.ToList();
        }

        private TierUser Get(string id, string? upn)
        {
            if (!_users.TryGetValue(id, out var user))
            {
                _users[id] = user = new TierUser(id, upn);
            }

            user.UserPrincipalName ??= upn;
            return user;
        }

        private void Take(User read)
        {
            var user = Get(read.Id!, read.UserPrincipalName);
            user.States = LicenseStates.Of(read);
        }

        private async Task ReadMembersAsync()
        {
            var done = 0;
            foreach (var tier in _system.Tiers)
            {
                Progress($"Reading the members of {tier.Name}", done++);
                await TierGroupDirectory.ForEachUserMemberAsync(_session, tier.Id, UserSelect, u =>
                {
                    Take(u);
                    _users[u.Id!].AddMembership(tier.Id);
                }, _sink.Cancellation).ConfigureAwait(false);
            }
        }

        private async Task ReadAssignmentsAsync()
        {
            foreach (var packageId in _system.PackageIds.ToList())
            {
                Progress("Reading the tier packages' assignments", _system.Tiers.Count);
                await AccessPackageDirectory.ForEachAssignmentAsync(_session, packageId, null, a =>
                {
                    if (Relevant(a))
                    {
                        Add(a, packageId);
                    }
                }, _sink.Cancellation, AccessPackageDirectory.TargetAndPolicy).ConfigureAwait(false);
            }
        }

        private async Task ReadOneAsync(User read)
        {
            Take(read);
            var user = _users[read.Id!];
            foreach (var group in await TierGroupDirectory.LicensedGroupsOfAsync(_session, read, _sink.Cancellation).ConfigureAwait(false))
            {
                if (_system.Tier(group.Id) is LifecycleTier tier)
                {
                    user.AddMembership(tier.Id);
                }
            }

            foreach (var assignment in await AccessPackageDirectory.AssignmentsAsync(_session, null, read.Id, a => _system.TierOfPackage(a.AccessPackage?.Id) != null && Relevant(a), _sink.Cancellation).ConfigureAwait(false))
            {
                Add(assignment, assignment.AccessPackage!.Id!);
            }
        }

        /// <summary>Live assignments, and those that ended recently enough that their user may still need the baseline.</summary>
        private bool Relevant(AccessPackageAssignment a) =>
            a.State == AccessPackageAssignmentState.Delivered || a.State == AccessPackageAssignmentState.Delivering || (a.State == AccessPackageAssignmentState.Expired && a.ExpiredDateTime >= _session.Now - (_lookAhead > RecentlyEnded ? _lookAhead : RecentlyEnded));

        private void Add(AccessPackageAssignment assignment, string packageId)
        {
            var id = assignment.Target?.ObjectId ?? assignment.Target?.Id;
            if (id != null)
            {
                Get(id, assignment.Target?.PrincipalName).Assignments.Add(new HeldAssignment(assignment, packageId));
            }
        }

        private void AddJournalBridges(IReadOnlyDictionary<string, HashSet<Guid>> bridges, bool onlyKnown)
        {
            foreach (var pair in bridges.Where(b => !onlyKnown || _users.ContainsKey(b.Key)))
            {
                Get(pair.Key, null).AddJournalBridges(pair.Value);
            }
        }

        /// <summary>Users outside every tier group, by id: the only users read one group of fifteen at a time.</summary>
        private async Task ReadOutsidersAsync()
        {
            var ids = _users.Values.Where(u => u.States == null).Select(u => u.Id).ToList();
            for (var i = 0; i < ids.Count; i += UsersById.PerRequest)
            {
                Progress($"Reading {ids.Count} user(s) outside every tier group", _system.Tiers.Count);
                foreach (var user in await UsersById.ReadAsync(_session, "read users' licence states", ids.Skip(i).Take(UsersById.PerRequest), UserSelect, _sink.Cancellation).ConfigureAwait(false))
                {
                    Take(user);
                }
            }

            // A user Graph no longer knows (deleted) has nothing left to move.
            foreach (var gone in _users.Values.Where(u => u.States == null).Select(u => u.Id).ToList())
            {
                _users.Remove(gone);
            }
        }

        /// <summary>Marks the live assignments whose removal an earlier run (or anyone) asked for and entitlement management has not finished.</summary>
        private async Task ReadRemovalsAsync()
        {
            var live = _users.Values.SelectMany(u => u.Assignments).Where(a => a.IsLive).ToLookup(a => a.Id.ToString(), StringComparer.OrdinalIgnoreCase);
            foreach (var packageId in live.Count == 0 ? new List<string>() : _system.PackageIds.ToList())
            {
                var removing = await AccessPackageDirectory.RemovalsUnderWayAsync(_session, packageId, _sink.Cancellation).ConfigureAwait(false);
                foreach (var assignment in removing.SelectMany(id => live[id]))
                {
                    assignment.Removing = true;
                }
            }
        }

        /// <summary>
        /// The return markers of users whose tier assignment ends within the look-ahead or has just ended (a temporary move's
        /// assignment ends exactly then, so no other user can hold a return that is due), and of users holding assignments of
        /// two tiers (a temporary move whose delivery came late, still to be finished). Twenty to a $batch.
        /// </summary>
        private async Task ReadReturnsAsync()
        {
            var due = _users.Values.Where(u => u.Assignments.Any(a => !a.IsLive || a.EndsAt <= _session.Now + _lookAhead) || InTwoTiers(u)).ToList();
            for (var i = 0; i < due.Count; i += GraphBatch.MaxRequests)
            {
                var chunk = due.Skip(i).Take(GraphBatch.MaxRequests).ToList();
                var answers = await GraphBatch.ReadAsync(_session, "read tier returns", "ReadUsers",
                    chunk.Select(u => "/users/" + u.Id + "/extensions/" + TierReturn.ExtensionName).ToList(), _sink.Cancellation).ConfigureAwait(false);
                for (var n = 0; n < chunk.Count; n++)
                {
                    chunk[n].Return = answers[n].Outcome.Succeeded && answers[n].Body != null ? TierReturn.From(Parse(answers[n].Body!.Value)) : null;
                }
            }
        }

        private bool InTwoTiers(TierUser user) =>
            user.Assignments.Where(a => a.IsLive && !a.Removing).Select(a => _system.TierOfPackage(a.PackageId)).Distinct().Count() > 1;

        private static Extension? Parse(JsonElement body) =>
            new JsonParseNode(body).GetObjectValue(Extension.CreateFromDiscriminatorValue);

        private void Progress(string status, int done) =>
            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.TierRead, "Reading the tier system", status, GovernanceProgress.Percent(done, _system.Tiers.Count + 1)));
    }
}
