using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// How licences reach users besides direct assignment: the licence groups (names, dynamic or not, their SKUs) and which
    /// access package assignments deliver a user's membership of them. Read once per scan; its size follows the number of
    /// groups and access package assignments, not of users.
    /// </summary>
    internal sealed class LicenseSources
    {
        private readonly Dictionary<string, Group> _groups = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);

        // group id -> packages granting its Member role.
        private readonly Dictionary<string, List<AccessPackage>> _packagesByGroup = new Dictionary<string, List<AccessPackage>>(StringComparer.OrdinalIgnoreCase);

        // user id -> delivered assignments of those packages.
        private readonly Dictionary<string, List<AccessPackageAssignment>> _assignmentsByUser = new Dictionary<string, List<AccessPackageAssignment>>(StringComparer.OrdinalIgnoreCase);

        public static async Task<LicenseSources> ReadAsync(GraphSession session, Action<string> warn, CancellationToken cancellation)
        {
            var sources = new LicenseSources();
            foreach (var g in await TierGroupDirectory.ListLicensedGroupsAsync(session, cancellation).ConfigureAwait(false))
            {
                if (g.Id != null)
                {
                    sources._groups[g.Id] = g;
                }
            }

            if (sources._groups.Count == 0)
            {
                return sources;
            }

            try
            {
                var packages = await AccessPackageDirectory.AllPackagesAsync(session, cancellation).ConfigureAwait(false);
                foreach (var package in packages)
                {
                    foreach (var groupId in AccessPackageDirectory.MemberGroups(package).Where(sources._groups.ContainsKey))
                    {
                        if (!sources._packagesByGroup.TryGetValue(groupId, out var list))
                        {
                            sources._packagesByGroup[groupId] = list = new List<AccessPackage>();
                        }

                        list.Add(package);
                    }
                }

                if (sources._packagesByGroup.Count > 0)
                {
                    var granting = new HashSet<string>(sources._packagesByGroup.Values.SelectMany(l => l).Select(p => p.Id!), StringComparer.OrdinalIgnoreCase);
                    foreach (var assignment in await AccessPackageDirectory.AssignmentsAsync(session, null, null, cancellation).ConfigureAwait(false))
                    {
                        var user = assignment.Target?.ObjectId;
                        if (user == null || assignment.State != AccessPackageAssignmentState.Delivered || assignment.AccessPackage?.Id == null || !granting.Contains(assignment.AccessPackage.Id))
                        {
                            continue;
                        }

                        if (!sources._assignmentsByUser.TryGetValue(user, out var list))
                        {
                            sources._assignmentsByUser[user] = list = new List<AccessPackageAssignment>();
                        }

                        list.Add(assignment);
                    }
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied || ex.Error.Id == ErrorIds.TenantLicenseRequired)
            {
                warn("Access packages could not be read (" + ex.Error.Message + ") Licences from groups are shown as Group even where an access package " +
                    "delivers the membership; Remove-ZombieLicense still looks for such an assignment before it removes a membership. " +
                    "Grant EntitlementManagement.Read.All (the tenant needs Microsoft Entra ID P2 or ID Governance) to see them here.");
            }

            return sources;
        }

        /// <summary>No groups or access packages known: every inherited licence is described as Group with its id only.</summary>
        public static LicenseSources None { get; } = new LicenseSources();

        public Group? Group(string groupId) => _groups.TryGetValue(groupId, out var g) ? g : null;

        public static bool IsDynamic(Group? group) => group?.GroupTypes?.Contains("DynamicMembership", StringComparer.OrdinalIgnoreCase) ?? false;

        /// <summary>The ways the user holds the SKU with a seat: direct, and each group (through an access package where one delivers it).</summary>
        public ZombieLicenseSource[] Describe(string userId, IEnumerable<LicenseAssignmentState> states)
        {
            var result = new List<ZombieLicenseSource>();
            foreach (var state in states)
            {
                var plans = LicenseStates.Plans(state.DisabledPlans).OrderBy(p => p).ToArray();
                if (LicenseStates.IsDirect(state))
                {
                    result.Add(new ZombieLicenseSource { Kind = LicenseSourceKind.Direct, DisabledPlans = plans });
                    continue;
                }

                var groupId = state.AssignedByGroup!;
                var group = Group(groupId);
                var source = new ZombieLicenseSource
                {
                    Kind = LicenseSourceKind.Group,
                    GroupId = Guid.TryParse(groupId, out var gid) ? gid : (Guid?)null,
                    GroupName = group?.DisplayName,
                    DynamicMembership = IsDynamic(group),
                    DisabledPlans = plans,
                };
                var assignment = DeliveringAssignment(userId, groupId);
                if (assignment != null)
                {
                    source.Kind = LicenseSourceKind.AccessPackage;
                    source.AccessPackageId = Guid.TryParse(assignment.AccessPackage?.Id, out var pid) ? pid : (Guid?)null;
                    source.AccessPackageName = assignment.AccessPackage?.DisplayName;
                    source.AccessPackageAssignmentId = Guid.TryParse(assignment.Id, out var aid) ? aid : (Guid?)null;
                }

                result.Add(source);
            }

            return result.ToArray();
        }

        private AccessPackageAssignment? DeliveringAssignment(string userId, string groupId)
        {
            if (!_packagesByGroup.TryGetValue(groupId, out var packages) || !_assignmentsByUser.TryGetValue(userId, out var assignments))
            {
                return null;
            }

            return assignments.FirstOrDefault(a => packages.Any(p => string.Equals(p.Id, a.AccessPackage?.Id, StringComparison.OrdinalIgnoreCase)));
        }
    }
}
