using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.UserLicenses
{
    /// <summary>
    /// The tier groups of the tenant (read once for the run) and which of them a user belongs to, without reading the user's
    /// memberships: a tier group that licenses the user, or whose group an access package assignment of the user delivers.
    /// </summary>
    internal sealed class TierLookup
    {
        private readonly Dictionary<string, TierGroupState> _byGroup;
        private readonly LicenseSources _sources;

        public TierLookup(IEnumerable<TierGroupState> tiers, LicenseSources sources)
        {
            Tiers = tiers.ToList();
            _byGroup = Tiers.ToDictionary(t => t.Group.Id!, StringComparer.OrdinalIgnoreCase);
            _sources = sources;
        }

        /// <summary>Lowest rank first.</summary>
        public IReadOnlyList<TierGroupState> Tiers { get; }

        /// <summary>
        /// The highest-ranked tier among those the evidence names; a user in two tiers is a conflict (Get-LicenseTierConflict),
        /// and the higher one is what the user has the use of.
        /// </summary>
        public TierGroupState? TierOf(string userId, IEnumerable<LicenseState> states, TierGroupState? listedFrom)
        {
            var found = listedFrom;
            foreach (var state in states)
            {
                if (!LicenseStates.IsDirect(state) && _byGroup.TryGetValue(state.AssignedByGroup!, out var tier))
                {
                    found = Higher(found, tier);
                }
            }

            foreach (var tier in Tiers)
            {
                if (_sources.DeliveringAssignments(userId, tier.Group.Id!).Count > 0)
                {
                    found = Higher(found, tier);
                }
            }

            return found;
        }

        /// <summary>The tier a person named: a tier group's display name or id. Throws NotATierGroup, TierGivenAsRank for a rank, or GroupNotFound (with the closest tier names).</summary>
        public TierGroupState Require(string nameOrId)
        {
            var text = nameOrId.Trim();
            var tier = Tiers.FirstOrDefault(t => string.Equals(t.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Group.Id, text, StringComparison.OrdinalIgnoreCase));
            if (tier != null)
            {
                return tier;
            }

            if (_sources.Groups.Any(g => string.Equals(g.DisplayName, text, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Id, text, StringComparison.OrdinalIgnoreCase)))
            {
                throw Errors.NotATierGroup(text).ToException();
            }

            throw (TierRankGuard.RankGiven(text, Tiers) ?? Errors.GroupNotFound(text, NameMatcher.Closest(text, Tiers.Select(t => t.Name)))).ToException();
        }

        /// <summary>The user ids holding a live (delivered or delivering) assignment of a package that grants <paramref name="tier"/>'s membership.</summary>
        public IEnumerable<string> PackageHolders(TierGroupState tier)
        {
            var packages = new HashSet<string>(
                _sources.GrantingPackages.Where(p => AccessPackageDirectory.MemberGroups(p).Contains(tier.Group.Id!, StringComparer.OrdinalIgnoreCase)).Select(p => p.Id!),
                StringComparer.OrdinalIgnoreCase);
            return _sources.GrantingAssignments
                .Where(a => a.AccessPackage?.Id != null && packages.Contains(a.AccessPackage.Id) && a.Target?.ObjectId != null)
                .Select(a => a.Target!.ObjectId!);
        }

        private static TierGroupState Higher(TierGroupState? current, TierGroupState candidate) =>
            current == null || candidate.Record!.Tier > current.Record!.Tier ? candidate : current;
    }
}
