using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>
    /// Reads what the health score needs, other than waste: the licensed groups and their owners, the tier records, the
    /// access package assignments that hand out a licensed group, and then the users' licence states (direct or
    /// inherited, errors and tier memberships together), which the zombie scan's pass over users hands to the counter
    /// <see cref="PrepareAsync"/> returns; <see cref="CountUsersAsync"/> lists them on its own when that scan cannot run.
    /// </summary>
    internal static class HealthMeasurer
    {
        /// <summary>Reads everything but the users, and returns what counts one user's licences into <paramref name="inputs"/>.</summary>
        public static async Task<Action<User>> PrepareAsync(GraphSession session, IReadOnlyList<LicenseSku> skus, HealthInputs inputs, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Tiers and licensed groups", 0));
            // One listing of the licensed groups serves the tiers and the group counts.
            var licensed = await TierGroupDirectory.ListLicensedGroupsAsync(session, cancellation).ConfigureAwait(false);
            var tiers = await TierGroupDirectory.TiersAmongAsync(session, licensed, cancellation).ConfigureAwait(false);
            var tierIds = new HashSet<Guid>(tiers.Select(t => t.Id));
            var baselineIds = new HashSet<string>(tiers.Where(t => t.Record!.Baseline).Select(t => t.Group.Id!), StringComparer.OrdinalIgnoreCase);
            inputs.Tiers = tiers.Count;

            var groupNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var g in licensed)
            {
                groupNames[g.Id!] = g.DisplayName ?? g.Id!;
            }

            inputs.LicensedGroups = groupNames.Count;

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Group owners", 10));
            inputs.LicensedGroupsWithoutOwner = await CountOwnerlessAsync(session, groupNames.Keys, inputs.Warnings, sink).ConfigureAwait(false);

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Access package assignments", 20));
            await CountPackageAssignmentsAsync(session, groupNames, baselineIds, inputs, sink).ConfigureAwait(false);

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Users and their licences", 30));
            return user => CountUser(user, skus, groupNames, tierIds, inputs);
        }

        /// <summary>The users' own pass, for when the zombie scan (which otherwise brings them) could not run.</summary>
        public static Task CountUsersAsync(GraphSession session, Action<User> countUser, IGovernanceSink sink) =>
            UserStream.ReadAsync(session, DirectAssignmentReader.UserSelect, null, countUser, sink);

        /// <summary>Adds one user's licences to the counts: direct or inherited per SKU, errors, and the tier groups the user inherits from.</summary>
        internal static void CountUser(User user, IReadOnlyList<LicenseSku> skus, IReadOnlyDictionary<string, string> groupNames, ISet<Guid> tierIds, HealthInputs inputs)
        {
            var states = LicenseStates.Of(user);
            if (states.Count == 0)
            {
                return;
            }

            inputs.LicensedUsers++;
            var rows = DirectAssignmentReader.Describe(user, skus, groupNames).ToList();
            inputs.LicenseAssignments += rows.Count;
            inputs.DirectAssignments += rows.Count(r => r.Assignment != "Inherited");

            var inError = false;
            // One error per SKU and type: a SKU failing the same way from two groups is one licence in error.
            foreach (var (_, type) in states.Where(LicenseStates.InError).Select(s => (s.SkuId, GroupLicenseErrorReader.ErrorTypeOf(s))).Distinct())
            {
                inError = true;
                inputs.ErrorsByType[type] = (inputs.ErrorsByType.TryGetValue(type, out var n) ? n : 0) + 1;
            }

            if (inError)
            {
                inputs.UsersInError++;
            }

            // Graph keeps a licence state per group the user is a member of, failed ones included, so the states name the user's tier groups.
            var userTiers = states.Where(s => !LicenseStates.IsDirect(s) && Guid.TryParse(s.AssignedByGroup, out var g) && tierIds.Contains(g))
                .Select(s => s.AssignedByGroup!.ToLowerInvariant()).Distinct().Count();
            if (userTiers > 0)
            {
                inputs.TierUsers++;
            }

            if (userTiers > 1)
            {
                inputs.ConflictingTierUsers++;
            }
        }

        private static async Task<int?> CountOwnerlessAsync(GraphSession session, IEnumerable<string> groupIds, List<string> warnings, IGovernanceSink sink)
        {
            var ownerless = 0;
            foreach (var id in groupIds)
            {
                try
                {
                    var owners = await session.CallAsync("list owners of group " + id, "ReadGroups",
                        c => c.Groups[id].Owners.GetAsync(r =>
                        {
                            r.QueryParameters.Select = new[] { "id" };
                            r.QueryParameters.Top = 1;
                        }, sink.Cancellation), sink.Cancellation).ConfigureAwait(false);
                    if (owners?.Value == null || owners.Value.Count == 0)
                    {
                        ownerless++;
                    }
                }
                catch (LicenseGovernanceException ex)
                {
                    warnings.Add("Group owners could not be read, so the Ungoverned component leaves them out: " + ex.Error.Message);
                    return null;
                }
            }

            return ownerless;
        }

        /// <summary>
        /// Live assignments of every access package that hands out a licensed group's Member role, except the baseline
        /// tier's (the baseline is meant to be held without end); those without an end date are counted as ungoverned.
        /// </summary>
        private static async Task CountPackageAssignmentsAsync(GraphSession session, IReadOnlyDictionary<string, string> licensedGroups, ISet<string> baselineIds, HealthInputs inputs, IGovernanceSink sink)
        {
            try
            {
                var packages = await AccessPackageDirectory.AllPackagesAsync(session, sink.Cancellation).ConfigureAwait(false);
                var total = 0;
                var withoutEnd = 0;
                foreach (var package in packages)
                {
                    var groups = AccessPackageDirectory.MemberGroups(package).Where(licensedGroups.ContainsKey).ToList();
                    if (groups.Count == 0 || groups.All(baselineIds.Contains))
                    {
                        continue;
                    }

                    foreach (var assignment in await AccessPackageDirectory.AssignmentsAsync(session, package.Id, null, sink.Cancellation).ConfigureAwait(false))
                    {
                        total++;
                        if (assignment.Schedule?.Expiration?.EndDateTime == null)
                        {
                            withoutEnd++;
                        }
                    }
                }

                inputs.PackageAssignments = total;
                inputs.PackageAssignmentsWithoutEnd = withoutEnd;
            }
            catch (LicenseGovernanceException ex)
            {
                inputs.Warnings.Add("Access package assignments could not be read, so the Ungoverned component counts only group owners: " + ex.Error.Message);
            }
        }
    }
}
