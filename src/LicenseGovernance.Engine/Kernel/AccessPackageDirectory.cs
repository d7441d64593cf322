using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Reads entitlement management through Graph: catalogs, their resources and packages, policies, assignments, principals.</summary>
    internal static class AccessPackageDirectory
    {
        public const string Read = "ReadEntitlementManagement";
        public const string Manage = "ManageEntitlementManagement";

        /// <summary>Policies this module writes carry this prefix; it is how a tier package is told from any other package.</summary>
        public const string PolicyPrefix = "LicenseGovernance ";

        /// <summary>A package's assignments are read with their target and policy (the package is the one asked for).</summary>
        public static readonly string[] TargetAndPolicy = { "target", "assignmentPolicy" };

        public static readonly string[] RoleScopeExpand = { "resourceRoleScopes($expand=role,scope)" };

        public static async Task<AccessPackageCatalog?> FindCatalogAsync(GraphSession session, string name, CancellationToken cancellation)
        {
            var page = await session.CallAsync("find catalog " + name, Read,
                c => c.IdentityGovernance.EntitlementManagement.Catalogs.GetAsync(r => r.QueryParameters.Filter = "displayName eq '" + Escape(name) + "'", cancellation), cancellation).ConfigureAwait(false);
            return page?.Value?.FirstOrDefault(c => string.Equals(c.DisplayName, name, StringComparison.OrdinalIgnoreCase));
        }

        public static async Task<AccessPackageResource?> FindResourceAsync(GraphSession session, string catalogId, string groupId, CancellationToken cancellation)
        {
            var page = await session.CallAsync("read catalog resources", Read,
                c => c.IdentityGovernance.EntitlementManagement.Catalogs[catalogId].Resources.GetAsync(r =>
                {
                    r.QueryParameters.Filter = "originId eq '" + groupId + "'";
                    r.QueryParameters.Expand = new[] { "roles", "scopes" };
                }, cancellation), cancellation).ConfigureAwait(false);
            return page?.Value?.FirstOrDefault();
        }

        /// <summary>Every package of the catalog with its role scopes (role and scope expanded).</summary>
        public static async Task<List<AccessPackage>> PackagesAsync(GraphSession session, string catalogId, CancellationToken cancellation)
        {
            var page = await session.CallAsync("list access packages", Read,
                c => c.IdentityGovernance.EntitlementManagement.Catalogs[catalogId].AccessPackages.GetAsync(r => r.QueryParameters.Expand = RoleScopeExpand, cancellation), cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<AccessPackage, AccessPackageCollectionResponse>(session, "list access packages", Read, page, cancellation).ConfigureAwait(false);
        }

        /// <summary>Every access package in the tenant with its role scopes, whichever catalog it is in.</summary>
        public static async Task<List<AccessPackage>> AllPackagesAsync(GraphSession session, CancellationToken cancellation)
        {
            var page = await session.CallAsync("list access packages", Read,
                c => c.IdentityGovernance.EntitlementManagement.AccessPackages.GetAsync(r => r.QueryParameters.Expand = RoleScopeExpand, cancellation), cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<AccessPackage, AccessPackageCollectionResponse>(session, "list access packages", Read, page, cancellation).ConfigureAwait(false);
        }

        public static async Task<List<AccessPackageAssignmentPolicy>> PoliciesAsync(GraphSession session, string packageId, CancellationToken cancellation)
        {
            var page = await session.CallAsync("read assignment policies", Read,
                c => c.IdentityGovernance.EntitlementManagement.AccessPackages[packageId].AssignmentPolicies.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<AccessPackageAssignmentPolicy, AccessPackageAssignmentPolicyCollectionResponse>(session, "read assignment policies", Read, page, cancellation).ConfigureAwait(false);
        }

        /// <summary>The module's own policy of a package (the one whose name carries <see cref="PolicyPrefix"/>), or null.</summary>
        public static AccessPackageAssignmentPolicy? OwnPolicy(IEnumerable<AccessPackageAssignmentPolicy> policies) =>
            policies.FirstOrDefault(p => p.DisplayName != null && p.DisplayName.StartsWith(PolicyPrefix, StringComparison.Ordinal));

        /// <summary>The group ids whose Member role the package grants.</summary>
        public static IEnumerable<string> MemberGroups(AccessPackage package) =>
            (package.ResourceRoleScopes ?? new List<AccessPackageResourceRoleScope>())
                .Where(s => string.Equals(s.Role?.DisplayName, "Member", StringComparison.OrdinalIgnoreCase) || (s.Role?.OriginId?.StartsWith("Member_", StringComparison.OrdinalIgnoreCase) ?? false))
                .Select(s => s.Scope?.OriginId ?? s.Role?.Resource?.OriginId)
                .Where(id => id != null)
                .Select(id => id!.ToLowerInvariant());

        /// <summary>Every role the package grants, as "Member of &lt;group&gt;" style names.</summary>
        public static IEnumerable<(string Role, string? GroupId, string Name)> Roles(AccessPackage package) =>
            (package.ResourceRoleScopes ?? new List<AccessPackageResourceRoleScope>())
                .Select(s => (s.Role?.DisplayName ?? "?", s.Scope?.OriginId?.ToLowerInvariant(), (s.Role?.DisplayName ?? "role") + " of " + (s.Role?.Resource?.DisplayName ?? s.Scope?.OriginId ?? "?")));

        /// <summary>Delivered, or still being delivered: an assignment that holds its roles, or is about to.</summary>
        public static bool IsLive(AccessPackageAssignment assignment) =>
            assignment.State == AccessPackageAssignmentState.Delivered || assignment.State == AccessPackageAssignmentState.Delivering;

        /// <summary>Live (delivered or delivering) assignments, optionally of one package or one user, with target and policy expanded.</summary>
        public static Task<List<AccessPackageAssignment>> AssignmentsAsync(GraphSession session, string? packageId, string? userId, CancellationToken cancellation) =>
            AssignmentsAsync(session, packageId, userId, IsLive, cancellation);

        /// <summary>
        /// The assignments Graph lists, optionally of one package or one user, that <paramref name="keep"/> keeps (ended ones
        /// too, for a caller that needs to know when a user's assignment expired), with <paramref name="expand"/> expanded
        /// (target, package and policy when null). A caller reading a whole package's assignments expands the target only:
        /// a policy repeated on every one of thousands of assignments is most of the response.
        /// </summary>
        public static async Task<List<AccessPackageAssignment>> AssignmentsAsync(GraphSession session, string? packageId, string? userId, Func<AccessPackageAssignment, bool> keep, CancellationToken cancellation, string[]? expand = null)
        {
            var assignments = new List<AccessPackageAssignment>();
            await ForEachAssignmentAsync(session, packageId, userId, a =>
            {
                if (keep(a))
                {
                    assignments.Add(a);
                }
            }, cancellation, expand).ConfigureAwait(false);
            return assignments;
        }

        /// <summary>
        /// Like <see cref="AssignmentsAsync(GraphSession, string?, string?, Func{AccessPackageAssignment, bool}, CancellationToken, string[]?)"/>,
        /// but hands each assignment on as its page arrives and keeps none: a package of tens of thousands of assignments,
        /// each with its target and policy expanded, is hundreds of megabytes held at once.
        /// </summary>
        public static async Task ForEachAssignmentAsync(GraphSession session, string? packageId, string? userId, Action<AccessPackageAssignment> onAssignment, CancellationToken cancellation, string[]? expand = null)
        {
            var clauses = new List<string>();
            if (packageId != null)
            {
                clauses.Add("accessPackage/id eq '" + packageId + "'");
            }

            if (userId != null)
            {
                clauses.Add("target/objectId eq '" + userId + "'");
            }

            var page = await session.CallAsync("list access package assignments", Read,
                c => c.IdentityGovernance.EntitlementManagement.Assignments.GetAsync(r =>
                {
                    r.QueryParameters.Filter = clauses.Count == 0 ? null : string.Join(" and ", clauses);
                    r.QueryParameters.Expand = expand ?? new[] { "target", "accessPackage", "assignmentPolicy" };
                }, cancellation), cancellation).ConfigureAwait(false);
            await GraphPages.ForEachAsync<AccessPackageAssignment, AccessPackageAssignmentCollectionResponse>(session, "list access package assignments", Read, page, a =>
            {
                onAssignment(a);
                return true;
            }, cancellation).ConfigureAwait(false);
        }

        /// <summary>
        /// The ids of the package's assignments whose removal (adminRemove, userRemove, systemRemove) is under way. Such an
        /// assignment still reads delivered until the removal is done, and Graph refuses to remove it a second time, so only
        /// its request tells it from one that stays. One read per package: few removals are in flight at any time.
        /// </summary>
        public static async Task<HashSet<string>> RemovalsUnderWayAsync(GraphSession session, string packageId, CancellationToken cancellation)
        {
            var page = await session.CallAsync("list assignment requests", Read,
                c => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.GetAsync(r =>
                {
                    r.QueryParameters.Filter = "accessPackage/id eq '" + packageId + "' and state eq 'delivering'";
                    r.QueryParameters.Expand = new[] { "assignment" };
                }, cancellation), cancellation).ConfigureAwait(false);
            var removing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await GraphPages.ForEachAsync<AccessPackageAssignmentRequest, AccessPackageAssignmentRequestCollectionResponse>(session, "list assignment requests", Read, page, r =>
            {
                if (IsRemoval(r.RequestType) && r.Assignment?.Id != null)
                {
                    removing.Add(r.Assignment.Id);
                }

                return true;
            }, cancellation).ConfigureAwait(false);
            return removing;
        }

        /// <summary>
        /// Whom a request is for: the assignment's target, else the requestor of a user's own request, else the target id
        /// a tenant adds beside the v1.0 properties; null when none says.
        /// </summary>
        public static string? RequestTarget(AccessPackageAssignmentRequest request) =>
            request.Assignment?.Target?.ObjectId
            ?? (request.RequestType?.ToString().StartsWith("User", StringComparison.Ordinal) == true ? request.Requestor?.ObjectId ?? request.Requestor?.Id : null)
            ?? (request.AdditionalData != null && request.AdditionalData.TryGetValue("targetId", out var target) ? target?.ToString() : null);

        private static bool IsRemoval(AccessPackageRequestType? type) =>
            type == AccessPackageRequestType.AdminRemove || type == AccessPackageRequestType.UserRemove || type == AccessPackageRequestType.SystemRemove;

        /// <summary>
        /// The package that hands out a tier: of the packages granting the group's Member role, the regular one (named
        /// after its group), not the exception package of the same group, which is asked for by its own name; null when none does.
        /// </summary>
        public static AccessPackage? TierPackage(IEnumerable<AccessPackage> packages, string groupId)
        {
            var granting = packages.Where(p => MemberGroups(p).Contains(groupId.ToLowerInvariant())).ToList();
            return granting.FirstOrDefault(p => !IsExceptionPackage(p)) ?? granting.FirstOrDefault();
        }

        /// <summary>The tier's exception package (New-LicenseExceptionPackage names it after its group, with " exception"); null when it has none.</summary>
        public static AccessPackage? ExceptionPackage(IEnumerable<AccessPackage> packages, string groupId) =>
            packages.FirstOrDefault(p => IsExceptionPackage(p) && MemberGroups(p).Contains(groupId.ToLowerInvariant()));

        public static bool IsExceptionPackage(AccessPackage package) => (package.DisplayName ?? "").EndsWith(" exception", StringComparison.OrdinalIgnoreCase);

        public static async Task<User?> FindUserAsync(GraphSession session, string idOrUpn, CancellationToken cancellation) =>
            await session.CallOrNotFoundAsync("read user " + idOrUpn, "ReadUsers",
                c => c.Users[idOrUpn].GetAsync(r => r.QueryParameters.Select = new[] { "id", "userPrincipalName", "displayName", "userType", "mail" }, cancellation), cancellation).ConfigureAwait(false);

        /// <summary>A user (by UPN or id) or else a group (by display name or id): what approver and reviewer parameters take.</summary>
        public static async Task<SubjectSet> ResolvePrincipalAsync(GraphSession session, string name, string role, CancellationToken cancellation)
        {
            var user = name.Contains("@") || Guid.TryParse(name, out _) ? await FindUserAsync(session, name, cancellation).ConfigureAwait(false) : null;
            if (user != null)
            {
                return new SingleUser { UserId = user.Id, Description = user.UserPrincipalName };
            }

            var groups = await Kernel.TierGroupDirectory.FindAsync(session, name, cancellation).ConfigureAwait(false);
            if (groups.Count == 1)
            {
                return new GroupMembers { GroupId = groups[0].Group.Id, Description = groups[0].Name };
            }

            if (groups.Count > 1)
            {
                throw Errors.GroupNameAmbiguous(name, groups.Select(g => g.Group.Id!)).ToException();
            }

            throw Errors.PrincipalNotFound(name, role).ToException();
        }

        public static string Escape(string value) => value.Replace("'", "''");

        /// <summary>The My Access page of a package, where users request it.</summary>
        public static string MyAccessLink(GraphSession session, string packageId) =>
            "https://myaccess.microsoft.com/@" + (session.Context.TenantId ?? "organizations") + "#/access-packages/" + packageId;

        /// <summary>An assignment as the journal records a change to it.</summary>
        internal static AccessPackageAssignmentChange ChangeOf(AccessPackageAssignment assignment, string? justification) => new AccessPackageAssignmentChange
        {
            AccessPackageId = Guid.Parse(assignment.AccessPackage?.Id ?? Guid.Empty.ToString()),
            AccessPackageName = assignment.AccessPackage?.DisplayName,
            AssignmentPolicyId = Guid.Parse(assignment.AssignmentPolicy?.Id ?? Guid.Empty.ToString()),
            TargetUserId = Guid.Parse(assignment.Target?.ObjectId ?? assignment.Target?.Id ?? Guid.Empty.ToString()),
            TargetUserPrincipalName = assignment.Target?.PrincipalName,
            AssignmentId = Guid.Parse(assignment.Id!),
            EndDateTime = assignment.Schedule?.Expiration?.EndDateTime,
            Justification = justification,
        };
    }
}
