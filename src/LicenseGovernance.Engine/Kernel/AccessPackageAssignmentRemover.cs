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
    /// <summary>
    /// For features that take a licence group's membership away (zombie licences): a member who came in through an access
    /// package must lose the assignment, not just the membership, or entitlement management adds them straight back.
    /// </summary>
    internal static class AccessPackageAssignmentRemover
    {
        /// <summary>Every access package (any catalog) that grants the Member role of the group.</summary>
        public static async Task<IReadOnlyList<AccessPackage>> FindPackagesGrantingGroupAsync(GraphSession session, string groupId, CancellationToken cancellation)
        {
            var packages = await AccessPackageDirectory.AllPackagesAsync(session, cancellation).ConfigureAwait(false);
            return packages.Where(p => AccessPackageDirectory.MemberGroups(p).Contains(groupId.ToLowerInvariant())).ToList();
        }

        /// <summary>
        /// Removes (adminRemove, each journaled first) the user's delivered assignments whose package grants the group's Member
        /// role, and returns what was removed; empty when the user holds the group some other way. A removal Graph refuses is thrown.
        /// </summary>
        public static async Task<IReadOnlyList<AccessPackageAssignmentChange>> RemoveForUserAsync(GraphSession session, string userId, string groupId, JournalScope journal, CancellationToken cancellation, string? justification = null)
        {
            var granting = await FindPackagesGrantingGroupAsync(session, groupId, cancellation).ConfigureAwait(false);
            var removed = new List<AccessPackageAssignmentChange>();
            if (granting.Count == 0)
            {
                return removed;
            }

            var ids = new HashSet<string>(granting.Select(p => p.Id!), StringComparer.OrdinalIgnoreCase);
            var assignments = await AccessPackageDirectory.AssignmentsAsync(session, null, userId, cancellation).ConfigureAwait(false);
            foreach (var assignment in assignments.Where(a => a.State == AccessPackageAssignmentState.Delivered && a.AccessPackage?.Id != null && ids.Contains(a.AccessPackage.Id)))
            {
                var change = AccessPackageDirectory.ChangeOf(assignment, justification);
                await AccessPackageAssignmentWriter.RemoveAsync(session, journal, change, cancellation).ConfigureAwait(false);
                removed.Add(change);
            }

            return removed;
        }
    }
}
