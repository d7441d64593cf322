using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>
    /// Reads what the health score needs, other than waste: the licence sources (the licensed groups, the access packages
    /// and their assignments, listed once and handed on to the zombie scan), the tier records and owners of the licensed
    /// groups (twenty groups to a $batch), and then the users' licence states (direct or inherited, errors and tier
    /// memberships together), which the zombie scan's pass over users hands to the counter <see cref="PrepareAsync"/>
    /// returns; <see cref="CountUsersAsync"/> lists them on its own when that scan cannot run.
    /// </summary>
    internal static class HealthMeasurer
    {
        /// <summary>
        /// Reads everything but the users, and returns what counts one user's licences into <paramref name="inputs"/>,
        /// with the licence sources read, for the zombie scan.
        /// </summary>
        public static async Task<(Action<User> CountUser, LicenseSources Sources)> PrepareAsync(GraphSession session, IReadOnlyList<LicenseSku> skus, HealthInputs inputs, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Licensed groups and access packages", 0));
            // One listing of the licensed groups and of the access packages serves the tiers, the group counts, the
            // package assignments and the zombie scan.
            var sources = await LicenseSources.ReadAsync(session, skus, cancellation).ConfigureAwait(false);
            var licensed = sources.Groups.ToList();
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
            inputs.LicensedGroupsWithoutOwner = await CountOwnerlessAsync(session, groupNames.Keys.ToList(), inputs.Warnings, cancellation).ConfigureAwait(false);
            CountPackageAssignments(sources, baselineIds, inputs);

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseHealth, "Measuring licence health", "Users and their licences", 30));
            return (user => CountUser(user, skus, groupNames, tierIds, inputs), sources);
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

        /// <summary>Licensed groups without an owner: one read of at most one owner per group, twenty to a $batch.</summary>
        private static async Task<int?> CountOwnerlessAsync(GraphSession session, IReadOnlyList<string> groupIds, List<string> warnings, CancellationToken cancellation)
        {
            const string operation = "list owners of licensed groups";
            var answers = await GraphBatch.ReadAllAsync(session, operation, "ReadGroups", groupIds.Select(id => "/groups/" + id + "/owners?$select=id&$top=1").ToList(), cancellation).ConfigureAwait(false);
            var refused = answers.FirstOrDefault(a => !a.Outcome.Succeeded);
            if (refused.Outcome != null)
            {
                warnings.Add("Group owners could not be read, so the Ungoverned component leaves them out: " + WriteRetryPolicy.Error(session, operation, "ReadGroups", refused.Outcome).Message);
                return null;
            }

            return answers.Count(a => a.Body == null || !a.Body.Value.TryGetProperty("value", out var owners) || owners.GetArrayLength() == 0);
        }

        /// <summary>
        /// Live assignments of every access package that hands out a licensed group's Member role, except the baseline
        /// tier's (the baseline is meant to be held without end); those without an end date are counted as ungoverned.
        /// </summary>
        private static void CountPackageAssignments(LicenseSources sources, ISet<string> baselineIds, HealthInputs inputs)
        {
            if (sources.PackagesRefused != null)
            {
                inputs.Warnings.Add("Access package assignments could not be read, so the Ungoverned component counts only group owners: " + sources.PackagesRefused.Message);
                return;
            }

            var counted = new HashSet<string>(
                sources.GrantingPackages.Where(p => !AccessPackageDirectory.MemberGroups(p).Where(id => sources.Group(id) != null).All(baselineIds.Contains)).Select(p => p.Id!),
                StringComparer.OrdinalIgnoreCase);
            var assignments = sources.GrantingAssignments.Where(a => a.AccessPackage?.Id != null && counted.Contains(a.AccessPackage.Id)).ToList();
            inputs.PackageAssignments = assignments.Count;
            inputs.PackageAssignmentsWithoutEnd = assignments.Count(a => a.Schedule?.Expiration?.EndDateTime == null);
        }
    }
}
