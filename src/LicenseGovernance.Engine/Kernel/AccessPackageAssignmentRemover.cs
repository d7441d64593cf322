using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// For features that take a licence group's membership away: a member who came in through an access package must lose
    /// the assignment, not just the membership, or entitlement management adds them straight back.
    /// </summary>
    internal static class AccessPackageAssignmentRemover
    {
        /// <summary>Every access package (any catalog) that grants the Member role of the group.</summary>
        public static async Task<IReadOnlyList<AccessPackage>> FindPackagesGrantingGroupAsync(GraphSession session, string groupId, CancellationToken cancellation)
        {
            var packages = await AccessPackageDirectory.AllPackagesAsync(session, cancellation).ConfigureAwait(false);
            return packages.Where(p => AccessPackageDirectory.MemberGroups(p).Contains(groupId.ToLowerInvariant())).ToList();
        }
    }
}
