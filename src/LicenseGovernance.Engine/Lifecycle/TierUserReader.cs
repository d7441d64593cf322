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
    /// Nothing is read per user when nothing is to do, except the return marker of users whose assignment ends soon. What
    /// is read waits on disk (<see cref="TierUserSpill"/>) and is completed and handed on a file of users at a time, so the
    /// memory a scan needs does not grow with the tenant.
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
        private Dictionary<string, TierUser> _users = new Dictionary<string, TierUser>(StringComparer.OrdinalIgnoreCase);

        private TierUserReader(GraphSession session, TierSystem system, TimeSpan lookAhead, IGovernanceSink sink)
        {
            _session = session;
            _system = system;
            _lookAhead = lookAhead;
            _sink = sink;
        }

        /// <summary>
        /// Hands every user of the tier system to <paramref name="take"/>, whole (licence states, memberships, assignments and
        /// their removals, bridges, return marker), or only the users named (by user principal name or id; one Graph does not
        /// know is written as UserNotFound). Every user comes once; the order follows the files, not the tenant.
        /// </summary>
        /// <param name="names">Only these users; every user in the tier system when null or empty.</param>
        public static Task ReadAsync(GraphSession session, TierSystem system, TimeSpan lookAhead, IReadOnlyCollection<string>? names, IReadOnlyDictionary<string, HashSet<Guid>> journalBridges, Action<TierUser> take, IGovernanceSink sink)
        {
            var reader = new TierUserReader(session, system, lookAhead, sink);
            return names == null || names.Count == 0 ? reader.ReadAllAsync(journalBridges, take) : reader.ReadNamedAsync(names, journalBridges, take);
        }

        private async Task ReadAllAsync(IReadOnlyDictionary<string, HashSet<Guid>> journalBridges, Action<TierUser> take)
        {
            using var spill = new TierUserSpill();
            await ReadMembersAsync(spill).ConfigureAwait(false);
            var anyLive = await ReadAssignmentsAsync(spill).ConfigureAwait(false);
            spill.Partition();
            foreach (var pair in journalBridges)
            {
                spill.AddBridges(pair.Key, pair.Value);
            }

            var removing = anyLive ? await ReadRemovalsAsync().ConfigureAwait(false) : new HashSet<Guid>();
            foreach (var file in spill.Files())
            {
                _users = file;
                await ReadOutsidersAsync().ConfigureAwait(false);
                MarkRemovals(removing);
                await ReadReturnsAsync().ConfigureAwait(false);
                HandOn(take);
            }
        }

        /// <summary>A few users, held in memory: read by name, then their groups and assignments each.</summary>
        private async Task ReadNamedAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, HashSet<Guid>> journalBridges, Action<TierUser> take)
        {
            var users = new List<User>();
            await UserStream.ReadNamedOrAllAsync(_session, UserSelect, names, null, users.Add, _sink).ConfigureAwait(false);
            foreach (var user in users)
            {
                await ReadOneAsync(user).ConfigureAwait(false);
            }

            foreach (var pair in journalBridges.Where(b => _users.ContainsKey(b.Key)))
            {
                _users[pair.Key].AddJournalBridges(pair.Value);
            }

            if (_users.Values.Any(u => u.Assignments.Any(a => a.IsLive)))
            {
                MarkRemovals(await ReadRemovalsAsync().ConfigureAwait(false));
            }

            await ReadReturnsAsync().ConfigureAwait(false);
            HandOn(take);
        }

        /// <summary>Hands on the users held and lets them go: the consumer keeps only what it needs.</summary>
        private void HandOn(Action<TierUser> take)
        {
            foreach (var user in _users.Values)
            {
                take(user);
            }

            _users = new Dictionary<string, TierUser>(StringComparer.OrdinalIgnoreCase);
        }

        private TierUser Get(string id, string? upn) => TierUser.In(_users, id, upn);

        private void Take(User read)
        {
            var user = Get(read.Id!, read.UserPrincipalName);
            user.States = LicenseStates.Of(read);
        }

        private async Task ReadMembersAsync(TierUserSpill spill)
        {
            var done = 0;
            foreach (var tier in _system.Tiers)
            {
                Progress($"Reading the members of {tier.Name}", done++);
                await TierGroupDirectory.ForEachUserMemberAsync(_session, tier.Id, UserSelect, u => spill.AddMember(tier.Id, u), _sink.Cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>Stages the tier packages' relevant assignments; true when one of them is live (only then can a removal be under way).</summary>
        private async Task<bool> ReadAssignmentsAsync(TierUserSpill spill)
        {
            var anyLive = false;
            foreach (var packageId in _system.PackageIds.ToList())
            {
                Progress("Reading the tier packages' assignments", _system.Tiers.Count);
                await AccessPackageDirectory.ForEachAssignmentAsync(_session, packageId, null, a =>
                {
                    var id = a.Target?.ObjectId ?? a.Target?.Id;
                    if (id != null && Relevant(a))
                    {
                        var held = new HeldAssignment(a, packageId);
                        anyLive |= held.IsLive;
                        spill.AddAssignment(id, a.Target?.PrincipalName, held);
                    }
                }, _sink.Cancellation, AccessPackageDirectory.TargetAndPolicy).ConfigureAwait(false);
            }

            return anyLive;
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

        /// <summary>
        /// The assignments of the tier packages whose removal an earlier run (or anyone) asked for and entitlement management
        /// has not finished: read once, a few ids, before the users are handed on.
        /// </summary>
        private async Task<HashSet<Guid>> ReadRemovalsAsync()
        {
            var removing = new HashSet<Guid>();
            foreach (var packageId in _system.PackageIds.ToList())
            {
                foreach (var id in await AccessPackageDirectory.RemovalsUnderWayAsync(_session, packageId, _sink.Cancellation).ConfigureAwait(false))
                {
                    if (Guid.TryParse(id, out var assignment))
                    {
                        removing.Add(assignment);
                    }
                }
            }

            return removing;
        }

        /// <summary>Marks the live assignments held whose removal is under way.</summary>
        private void MarkRemovals(HashSet<Guid> removing)
        {
            foreach (var assignment in _users.Values.SelectMany(u => u.Assignments).Where(a => a.IsLive && removing.Contains(a.Id)))
            {
                assignment.Removing = true;
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
