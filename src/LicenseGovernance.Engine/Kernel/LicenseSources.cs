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
    /// How licences reach users besides direct assignment: the licence groups (names, dynamic or not, their SKUs), which
    /// access package assignments deliver a user's membership of them, and which of those ways are already ending (a
    /// membership left while Entra has still to process the group, an assignment whose removal is under way). Read once
    /// per scan or removal run; its size follows the groups and access package assignments, and the members of groups
    /// being processed, not the number of users.
    /// </summary>
    internal sealed class LicenseSources
    {
        private const string ProcessingComplete = "ProcessingComplete";

        private readonly Dictionary<string, Group> _groups = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);

        // group id -> packages granting its Member role.
        private readonly Dictionary<string, List<AccessPackage>> _packagesByGroup = new Dictionary<string, List<AccessPackage>>(StringComparer.OrdinalIgnoreCase);

        // user id -> delivered assignments of those packages.
        private readonly Dictionary<string, List<AccessPackageAssignment>> _assignmentsByUser = new Dictionary<string, List<AccessPackageAssignment>>(StringComparer.OrdinalIgnoreCase);

        // group id -> user member ids, for the licence groups Entra is processing: only there can Graph still show a licence
        // from a group the user has left (graph-contract 3.10).
        private readonly Dictionary<string, HashSet<string>> _membersWhileProcessing = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);

        // Assignments whose removal is under way: they read delivered until it is done.
        private readonly HashSet<string> _removing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>No groups or access packages known: every inherited licence is described as Group with its id only.</summary>
        public static LicenseSources None { get; } = new LicenseSources();

        /// <summary>Why access packages could not be read (permission, tenant licence); null when they were, or none was needed.</summary>
        public GovernanceError? PackagesRefused { get; private set; }

        // Packages granting a licence group's Member role, and their live (delivered or delivering) assignments.
        private readonly List<AccessPackage> _granting = new List<AccessPackage>();
        private readonly List<AccessPackageAssignment> _grantingAssignments = new List<AccessPackageAssignment>();

        /// <summary>The licence groups, as listed (with <see cref="TierGroupDirectory.GroupSelect"/>).</summary>
        public IReadOnlyCollection<Group> Groups => _groups.Values;

        /// <summary>The access packages that hand out a licence group's Member role.</summary>
        public IReadOnlyList<AccessPackage> GrantingPackages => _granting;

        /// <summary>The live (delivered or delivering) assignments of <see cref="GrantingPackages"/>, with target, package and policy.</summary>
        public IReadOnlyList<AccessPackageAssignment> GrantingAssignments => _grantingAssignments;

        /// <summary>Lists the groups carrying one of <paramref name="skus"/> (the tenant's), the access packages and their assignments, once each.</summary>
        public static async Task<LicenseSources> ReadAsync(GraphSession session, IEnumerable<LicenseSku> skus, CancellationToken cancellation)
        {
            var sources = new LicenseSources();
            foreach (var g in await TierGroupDirectory.ListLicensedGroupsAsync(session, skus, cancellation).ConfigureAwait(false))
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

            await sources.ReadMembersWhileProcessingAsync(session, cancellation).ConfigureAwait(false);
            try
            {
                await sources.ReadPackagesAsync(session, cancellation).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied || ex.Error.Id == ErrorIds.TenantLicenseRequired)
            {
                sources.PackagesRefused = ex.Error;
            }

            return sources;
        }

        private async Task ReadMembersWhileProcessingAsync(GraphSession session, CancellationToken cancellation)
        {
            foreach (var group in _groups.Values.Where(g => g.LicenseProcessingState?.State != null && g.LicenseProcessingState.State != ProcessingComplete))
            {
                var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                await TierGroupDirectory.ForEachUserMemberAsync(session, group.Id!, new[] { "id" }, u => members.Add(u.Id!), cancellation).ConfigureAwait(false);
                _membersWhileProcessing[group.Id!] = members;
            }
        }

        private async Task ReadPackagesAsync(GraphSession session, CancellationToken cancellation)
        {
            foreach (var package in await AccessPackageDirectory.AllPackagesAsync(session, cancellation).ConfigureAwait(false))
            {
                var groups = AccessPackageDirectory.MemberGroups(package).Where(_groups.ContainsKey).ToList();
                foreach (var groupId in groups)
                {
                    ListOf(_packagesByGroup, groupId).Add(package);
                }

                if (groups.Count > 0)
                {
                    _granting.Add(package);
                }
            }

            var granting = _granting.Select(p => p.Id!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (granting.Count == 0)
            {
                return;
            }

            var ids = new HashSet<string>(granting, StringComparer.OrdinalIgnoreCase);
            foreach (var assignment in await AccessPackageDirectory.AssignmentsAsync(session, null, null, cancellation).ConfigureAwait(false))
            {
                if (assignment.AccessPackage?.Id == null || !ids.Contains(assignment.AccessPackage.Id))
                {
                    continue;
                }

                _grantingAssignments.Add(assignment);
                var user = assignment.Target?.ObjectId;
                if (user != null && assignment.State == AccessPackageAssignmentState.Delivered)
                {
                    ListOf(_assignmentsByUser, user).Add(assignment);
                }
            }

            foreach (var packageId in granting)
            {
                _removing.UnionWith(await AccessPackageDirectory.RemovalsUnderWayAsync(session, packageId, cancellation).ConfigureAwait(false));
            }
        }

        private static List<T> ListOf<T>(Dictionary<string, List<T>> lists, string key)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = new List<T>();
            }

            return list;
        }

        public Group? Group(string groupId) => _groups.TryGetValue(groupId, out var g) ? g : null;

        public static bool IsDynamic(Group? group) => group?.GroupTypes?.Contains("DynamicMembership", StringComparer.OrdinalIgnoreCase) ?? false;

        /// <summary>
        /// The ways the user holds the SKU with a seat: direct, and each group (through an access package where one delivers
        /// it), each marked <see cref="ZombieLicenseSource.RemovalPending"/> when it is already ending.
        /// </summary>
        public ZombieLicenseSource[] Describe(string userId, IEnumerable<LicenseState> states) =>
            states.Select(s => LicenseStates.IsDirect(s) ? Direct(s) : FromGroup(userId, s)).ToArray();

        private static ZombieLicenseSource Direct(LicenseState state) =>
            new ZombieLicenseSource { Kind = LicenseSourceKind.Direct, DisabledPlans = Plans(state) };

        private ZombieLicenseSource FromGroup(string userId, LicenseState state)
        {
            var groupId = state.AssignedByGroup!;
            var group = Group(groupId);
            var live = DeliveringAssignments(userId, groupId);
            var ending = Delivering(userId, groupId).Where(a => _removing.Contains(a.Id!)).ToList();
            var source = new ZombieLicenseSource
            {
                Kind = LicenseSourceKind.Group,
                GroupId = Guid.TryParse(groupId, out var gid) ? gid : (Guid?)null,
                GroupName = group?.DisplayName,
                DynamicMembership = IsDynamic(group),
                DisabledPlans = Plans(state),
                // A live assignment would put the membership back, so only a membership nothing delivers any more is ending.
                RemovalPending = live.Count == 0 && (HasLeft(userId, groupId) || ending.Count > 0),
            };
            var assignment = live.FirstOrDefault() ?? ending.FirstOrDefault();
            if (assignment != null)
            {
                source.Kind = LicenseSourceKind.AccessPackage;
                source.AccessPackageId = Guid.TryParse(assignment.AccessPackage?.Id, out var pid) ? pid : (Guid?)null;
                source.AccessPackageName = assignment.AccessPackage?.DisplayName;
                source.AccessPackageAssignmentId = Guid.TryParse(assignment.Id, out var aid) ? aid : (Guid?)null;
            }

            return source;
        }

        private static Guid[] Plans(LicenseState state) => LicenseStates.Plans(state.DisabledPlans).OrderBy(p => p).ToArray();

        /// <summary>
        /// The user's delivered assignments whose package grants the group's Member role, less those already being removed:
        /// ending them ends the membership. Empty when none does, or when access packages could not be read.
        /// </summary>
        public IReadOnlyList<AccessPackageAssignment> DeliveringAssignments(string userId, string groupId) =>
            Delivering(userId, groupId).Where(a => !_removing.Contains(a.Id!)).ToList();

        private IEnumerable<AccessPackageAssignment> Delivering(string userId, string groupId)
        {
            if (!_packagesByGroup.TryGetValue(groupId, out var packages) || !_assignmentsByUser.TryGetValue(userId, out var assignments))
            {
                return Enumerable.Empty<AccessPackageAssignment>();
            }

            return assignments.Where(a => a.Id != null && packages.Any(p => string.Equals(p.Id, a.AccessPackage?.Id, StringComparison.OrdinalIgnoreCase)));
        }

        /// <summary>The user is no longer a member of a group Entra is still processing, so Graph still shows its licence.</summary>
        private bool HasLeft(string userId, string groupId) => _membersWhileProcessing.TryGetValue(groupId, out var members) && !members.Contains(userId);

        /// <summary>
        /// Why every way the licence arrives is already ending, for the listing and the removal's Skipped result; null when one
        /// is not (or there is none): then something is left to remove.
        /// </summary>
        public static string? PendingReason(IReadOnlyList<ZombieLicenseSource> sources) =>
            sources.Count == 0 || sources.Any(s => !s.RemovalPending) ? null
                : string.Join(". ", sources.Select(Ending)) + ". Microsoft Entra ID takes the licence away once it has processed the change (usually minutes).";

        private static string Ending(ZombieLicenseSource source) => source.Kind == LicenseSourceKind.AccessPackage
            ? $"The access package assignment '{source.AccessPackageName ?? source.AccessPackageId?.ToString()}' that makes the user a member of '{source.GroupName ?? source.GroupId?.ToString()}' is being removed"
            : $"The user is no longer a member of '{source.GroupName ?? source.GroupId?.ToString()}'";
    }
}
