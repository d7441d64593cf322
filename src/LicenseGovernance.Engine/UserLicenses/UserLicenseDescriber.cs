using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.UserLicenses
{
    /// <summary>
    /// Turns one user as read (with licenseAssignmentStates) into a row per SKU: each way the SKU arrives, named from the
    /// licence sources read once for the run, and the plans the user can use over all of them. Reads nothing itself.
    /// </summary>
    internal sealed class UserLicenseDescriber
    {
        private readonly Dictionary<Guid, LicenseSku> _skus;
        private readonly LicenseSources _sources;
        private readonly TierLookup _tiers;

        // SKU id -> plan id -> friendly name, built once per SKU rather than searched per row.
        private readonly Dictionary<Guid, Dictionary<Guid, string>> _planNames = new Dictionary<Guid, Dictionary<Guid, string>>();

        public UserLicenseDescriber(IEnumerable<LicenseSku> skus, LicenseSources sources, TierLookup tiers)
        {
            _skus = skus.GroupBy(s => s.SkuId).ToDictionary(g => g.Key, g => g.First());
            _sources = sources;
            _tiers = tiers;
        }

        /// <summary>The user's tier: from its licences, its access package assignments and the tier group it was listed from, if any.</summary>
        public TierGroupState? TierOf(User user, TierGroupState? listedFrom) => _tiers.TierOf(user.Id!, LicenseStates.Of(user), listedFrom);

        /// <summary>One row per SKU the user holds by any path, among the run's SKUs.</summary>
        public IEnumerable<UserLicense> Describe(User user, TierGroupState? tier)
        {
            foreach (var bySku in LicenseStates.Of(user).Where(s => s.SkuId.HasValue).GroupBy(s => s.SkuId!.Value))
            {
                if (_skus.TryGetValue(bySku.Key, out var sku))
                {
                    yield return Row(user, sku, bySku.ToList(), tier);
                }
            }
        }

        /// <summary>The row for a user of the tier system who holds nothing that works: no SKU, and the error of what failed, if anything did.</summary>
        public UserLicense Unlicensed(User user, TierGroupState? tier)
        {
            var row = NewRow(user, tier);
            row.Error = LicenseStates.Of(user).Where(LicenseStates.HasError).Select(s => s.Error).FirstOrDefault();
            return row;
        }

        public static bool HoldsNothing(User user) => !LicenseStates.Of(user).Any(LicenseStates.HoldsSeat);

        private UserLicense Row(User user, LicenseSku sku, IReadOnlyList<LicenseState> states, TierGroupState? tier)
        {
            var row = NewRow(user, tier);
            row.SkuId = sku.SkuId;
            row.SkuPartNumber = sku.SkuPartNumber;
            row.ProductName = sku.ProductName;
            row.State = Overall(states);
            row.Error = states.Where(LicenseStates.HasError).Select(s => s.Error).FirstOrDefault();
            row.EnabledPlans = Names(sku, PlanParity.EnabledUnion(sku, states)).ToList();
            row.Paths = states.OrderBy(s => LicenseStates.IsDirect(s) ? 0 : 1).Select(s => Path(user.Id!, sku, s)).ToList();
            return row;
        }

        private static UserLicense NewRow(User user, TierGroupState? tier) => new UserLicense
        {
            UserId = Guid.Parse(user.Id!),
            UserPrincipalName = user.UserPrincipalName,
            Tier = tier?.Name,
            TierRank = tier?.Record?.Tier,
        };

        /// <summary>A working way decides (Active before ActiveWithError); otherwise the worst of the rest.</summary>
        private static string? Overall(IReadOnlyList<LicenseState> states) =>
            states.FirstOrDefault(LicenseStates.IsActive)?.State
            ?? states.FirstOrDefault(LicenseStates.HoldsSeat)?.State
            ?? states.OrderByDescending(s => string.Equals(s.State, "Error", StringComparison.OrdinalIgnoreCase)).Select(s => s.State).FirstOrDefault();

        private UserLicensePath Path(string userId, LicenseSku sku, LicenseState state)
        {
            var path = new UserLicensePath
            {
                Kind = LicenseSourceKind.Direct,
                State = state.State,
                Error = LicenseStates.HasError(state) ? state.Error : null,
                DisabledPlans = Names(sku, state.DisabledPlans).ToList(),
            };
            if (LicenseStates.IsDirect(state))
            {
                return path;
            }

            var groupId = state.AssignedByGroup!;
            path.Kind = LicenseSourceKind.Group;
            path.GroupId = Guid.TryParse(groupId, out var gid) ? gid : (Guid?)null;
            path.GroupName = _sources.Group(groupId)?.DisplayName;
            var assignment = _sources.DeliveringAssignments(userId, groupId).FirstOrDefault();
            if (assignment != null)
            {
                path.Kind = LicenseSourceKind.AccessPackage;
                path.AccessPackageId = Guid.TryParse(assignment.AccessPackage?.Id, out var pid) ? pid : (Guid?)null;
                path.AccessPackageName = assignment.AccessPackage?.DisplayName;
                path.AccessPackageAssignmentId = Guid.TryParse(assignment.Id, out var aid) ? aid : (Guid?)null;
                path.AssignmentEndDate = assignment.Schedule?.Expiration?.EndDateTime;
            }

            return path;
        }

        private IEnumerable<string> Names(LicenseSku sku, IEnumerable<Guid> plans)
        {
            if (!_planNames.TryGetValue(sku.SkuId, out var names))
            {
                names = new Dictionary<Guid, string>();
                foreach (var plan in sku.ServicePlans)
                {
                    names[plan.ServicePlanId] = string.IsNullOrEmpty(plan.FriendlyName) ? plan.ServicePlanName : plan.FriendlyName!;
                }

                _planNames[sku.SkuId] = names;
            }

            return plans.Select(id => names.TryGetValue(id, out var name) ? name : id.ToString()).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
        }
    }
}
