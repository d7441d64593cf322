using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>One user of the tier system as read from the tenant: licence states, tier memberships, tier assignments, return marker.</summary>
    internal sealed class TierUser
    {
        public TierUser(string id, string? userPrincipalName)
        {
            Id = id.ToLowerInvariant();
            UserPrincipalName = userPrincipalName;
        }

        public string Id { get; }

        /// <summary>The user of that id among <paramref name="users"/>, added when missing; learns the name when it was not known.</summary>
        public static TierUser In(Dictionary<string, TierUser> users, string id, string? userPrincipalName)
        {
            if (!users.TryGetValue(id, out var user))
            {
                users[id] = user = new TierUser(id, userPrincipalName);
            }

            user.UserPrincipalName ??= userPrincipalName;
            return user;
        }

        public string? UserPrincipalName { get; set; }

        public string Label => UserPrincipalName ?? Id;

        /// <summary>Null until the user's licence states have been read; compact copies, since every tier user is held at once.</summary>
        public IReadOnlyList<LicenseState>? States { get; set; }

        private static readonly HashSet<Guid> NoBridges = new HashSet<Guid>();

        // Most users are in one tier group and bridge nothing: the sets are made when first needed, as every tier user is held at once.
        private List<string>? _memberships;
        private HashSet<Guid>? _journalBridges;

        /// <summary>Assignments of tier packages: live ones, and those that ended recently.</summary>
        public List<HeldAssignment> Assignments { get; } = new List<HeldAssignment>();

        /// <summary>Where a temporary move returns the user to, when one is recorded.</summary>
        public TierReturn? Return { get; set; }

        /// <summary>SKUs this module added directly to bridge a move (from the change journal) and has not removed since.</summary>
        public IReadOnlyCollection<Guid> JournalBridges => _journalBridges ?? NoBridges;

        private IReadOnlyList<LicenseState> Known => States ?? Array.Empty<LicenseState>();

        /// <summary>The ids of the tier groups the user is a member of.</summary>
        public IReadOnlyList<string> Memberships => _memberships ?? (IReadOnlyList<string>)Array.Empty<string>();

        public bool IsMember(LifecycleTier tier) => _memberships != null && _memberships.Contains(tier.Id, StringComparer.OrdinalIgnoreCase);

        /// <summary>Records that the user is a member of the tier group (a user has at most a few).</summary>
        public void AddMembership(string tierId)
        {
            _memberships ??= new List<string>(1);
            if (!_memberships.Contains(tierId, StringComparer.OrdinalIgnoreCase))
            {
                _memberships.Add(tierId);
            }
        }

        public void AddJournalBridges(IEnumerable<Guid> skus) => (_journalBridges ??= new HashSet<Guid>()).UnionWith(skus);

        /// <summary>Every licence of the tier Active, without error, from its group.</summary>
        public bool ActiveIn(LifecycleTier tier) =>
            tier.Licenses.All(l => Known.Any(s => s.SkuId == l.SkuId && LicenseStates.FromGroup(s, tier.Id) && LicenseStates.IsActive(s) && !LicenseStates.HasError(s)));

        /// <summary>The user holds (a seat of) some licence from the tier's group.</summary>
        public bool HoldsFrom(LifecycleTier tier) => Known.Any(s => LicenseStates.FromGroup(s, tier.Id) && LicenseStates.HoldsSeat(s));

        public bool HasStatesFrom(LifecycleTier tier) => Known.Any(s => LicenseStates.FromGroup(s, tier.Id));

        public LicenseState? ErrorFrom(LifecycleTier tier) => Known.FirstOrDefault(s => LicenseStates.InError(s, tier.Id));

        /// <summary>The SKUs the user holds a seat of, by any path.</summary>
        public HashSet<Guid> SkusHeld => new HashSet<Guid>(Known.Where(s => s.SkuId != null && LicenseStates.HoldsSeat(s)).Select(s => s.SkuId!.Value));

        /// <summary>Whether the user holds any licence at all, by any path.</summary>
        public bool HoldsAnything => Known.Any(LicenseStates.HoldsSeat);

        /// <summary>The user's direct licences of the given SKUs, with their disabled plans.</summary>
        public IReadOnlyList<DirectLicense> Direct(ICollection<Guid> skus) => DirectLicense.Of(Known, skus);

        /// <summary>The tier's licences the user holds from its group, copied as direct licences with the group's plans.</summary>
        public IReadOnlyList<DirectLicense> HeldFrom(LifecycleTier tier) =>
            tier.Licenses.Where(l => Known.Any(s => s.SkuId == l.SkuId && LicenseStates.FromGroup(s, tier.Id) && LicenseStates.HoldsSeat(s))).ToList();

        /// <summary>The tier's assignments that grant it from now on: delivered or delivering, and not being removed.</summary>
        public IEnumerable<HeldAssignment> Live(LifecycleTier tier) => Assignments.Where(a => a.IsLive && !a.Removing && tier.PackageIds.Contains(a.PackageId));

        /// <summary>The tier's assignments whose removal is under way: the membership they bring goes when they end.</summary>
        public IEnumerable<HeldAssignment> Leaving(LifecycleTier tier) => Assignments.Where(a => a.IsLive && a.Removing && tier.PackageIds.Contains(a.PackageId));

        public IEnumerable<HeldAssignment> Delivered(LifecycleTier tier) => Live(tier).Where(a => a.IsDelivered);

        /// <summary>When the user's most recent tier assignment ended, or null.</summary>
        public DateTimeOffset? LastEnded => Assignments.Where(a => !a.IsLive).Select(a => a.ExpiredAt).Where(d => d != null).DefaultIfEmpty().Max();
    }
}
