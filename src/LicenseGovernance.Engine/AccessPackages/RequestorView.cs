using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using AssignmentsMine = Microsoft.Graph.IdentityGovernance.EntitlementManagement.Assignments.FilterByCurrentUserWithOn.FilterByCurrentUserWithOnGetResponse;
using PackagesMine = Microsoft.Graph.IdentityGovernance.EntitlementManagement.AccessPackages.FilterByCurrentUserWithOn.FilterByCurrentUserWithOnGetResponse;
using RequestsMine = Microsoft.Graph.IdentityGovernance.EntitlementManagement.AssignmentRequests.FilterByCurrentUserWithOn.FilterByCurrentUserWithOnGetResponse;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// Entitlement management as a signed-in user without an administrator role sees it, the way My Access reads it: the
    /// packages they may request (filterByCurrentUser allowedRequestor) and the requirements of the policies they fall under
    /// (getApplicablePolicyRequirements), their own assignments and requests (target), the requests waiting for their
    /// decision (approver) and the stages of an approval they take part in. Graph refuses a plain user the administrative
    /// reads (a package's policies, a request by id) with 403, so self-service reads only these.
    /// </summary>
    internal static class RequestorView
    {
        private static readonly string[] RequestExpand = { "accessPackage", "requestor", "assignment($expand=target)" };

        private static readonly string[] AssignmentExpand = { "accessPackage", "assignmentPolicy" };

        private static readonly string[] PackageExpand = { "catalog", "resourceRoleScopes($expand=role,scope)" };

        /// <summary>The packages of <paramref name="catalog"/> (by name) that the signed-in user may request.</summary>
        public static async Task<List<AccessPackage>> RequestablePackagesAsync(GraphSession session, string catalog, CancellationToken cancellation)
        {
            var all = await AllAsync<AccessPackage, PackagesMine>(session, "list the access packages the signed-in user may request",
                c => c.IdentityGovernance.EntitlementManagement.AccessPackages.FilterByCurrentUserWithOn("allowedRequestor").GetAsFilterByCurrentUserWithOnGetResponseAsync(
                    r => r.QueryParameters.Expand = PackageExpand, cancellation), cancellation).ConfigureAwait(false);
            return all.Where(p => string.Equals(p.Catalog?.DisplayName, catalog, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        /// <summary>
        /// The policies the user may request the package under, as far as a requestor can read them: v1.0's requirements say
        /// whether approval is needed, whether a custom end may be chosen and the policy's expiration; who approves, who else
        /// may request and whether a justification or an extension is allowed are left for Graph to decide (null here).
        /// </summary>
        public static async Task<List<AccessPackageAssignmentPolicy>> RequestablePoliciesAsync(GraphSession session, string packageId, CancellationToken cancellation)
        {
            var response = await session.CallAsync("read what the signed-in user must give to request the package", AccessPackageDirectory.Read,
                c => c.IdentityGovernance.EntitlementManagement.AccessPackages[packageId].GetApplicablePolicyRequirements.PostAsGetApplicablePolicyRequirementsPostResponseAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return (response?.Value ?? new List<AccessPackageAssignmentRequestRequirements>()).Select(AsPolicy).ToList();
        }

        private static AccessPackageAssignmentPolicy AsPolicy(AccessPackageAssignmentRequestRequirements r) => new AccessPackageAssignmentPolicy
        {
            Id = r.PolicyId,
            DisplayName = r.PolicyDisplayName,
            Description = r.PolicyDescription,
            Expiration = r.Schedule?.Expiration,
            RequestorSettings = new AccessPackageAssignmentRequestorSettings { EnableTargetsToSelfAddAccess = true, AllowCustomAssignmentSchedule = r.AllowCustomAssignmentSchedule },
            RequestApprovalSettings = new AccessPackageAssignmentApprovalSettings { IsApprovalRequiredForAdd = r.IsApprovalRequiredForAdd, IsApprovalRequiredForUpdate = r.IsApprovalRequiredForUpdate },
        };

        public static async Task<List<AccessPackageAssignment>> MyAssignmentsAsync(GraphSession session, string packageId, CancellationToken cancellation)
        {
            var all = await AllAsync<AccessPackageAssignment, AssignmentsMine>(session, "list the signed-in user's access package assignments",
                c => c.IdentityGovernance.EntitlementManagement.Assignments.FilterByCurrentUserWithOn("target").GetAsFilterByCurrentUserWithOnGetResponseAsync(
                    r => r.QueryParameters.Expand = AssignmentExpand, cancellation), cancellation).ConfigureAwait(false);
            return all.Where(a => string.Equals(a.AccessPackage?.Id, packageId, StringComparison.OrdinalIgnoreCase) && AccessPackageDirectory.IsLive(a)).ToList();
        }

        /// <summary>A request the user made for themselves ("target"), or one waiting for their decision ("approver"); null when they see no such request.</summary>
        public static async Task<AccessPackageAssignmentRequest?> MyRequestAsync(GraphSession session, string on, string id, CancellationToken cancellation)
        {
            var operation = "list the assignment requests of the signed-in user (" + on + ")";
            var page = await session.CallAsync(operation, AccessPackageDirectory.Read,
                c => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.FilterByCurrentUserWithOn(on).GetAsFilterByCurrentUserWithOnGetResponseAsync(
                    r => r.QueryParameters.Expand = RequestExpand, cancellation), cancellation).ConfigureAwait(false);
            AccessPackageAssignmentRequest? found = null;
            await GraphPages.ForEachAsync<AccessPackageAssignmentRequest, RequestsMine>(session, operation, AccessPackageDirectory.Read, page, r =>
            {
                found = string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase) ? r : null;
                return found == null;
            }, cancellation).ConfigureAwait(false);
            return found;
        }

        /// <summary>The stages of a request's approval; Graph shows them to the approvers of its stages (and to administrators).</summary>
        public static async Task<List<ApprovalStage>?> StagesAsync(GraphSession session, string id, CancellationToken cancellation)
        {
            var operation = "read the approval of request " + id;
            var page = await session.CallOrNotFoundAsync(operation, AccessPackageDirectory.Read,
                c => c.IdentityGovernance.EntitlementManagement.AccessPackageAssignmentApprovals[id].Stages.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return page == null ? null : await GraphPages.AllAsync<ApprovalStage, ApprovalStageCollectionResponse>(session, operation, AccessPackageDirectory.Read, page, cancellation).ConfigureAwait(false);
        }

        private static async Task<List<TEntity>> AllAsync<TEntity, TPage>(GraphSession session, string operation, Func<GraphServiceClient, Task<TPage?>> first, CancellationToken cancellation)
            where TPage : class, IParsable, IAdditionalDataHolder, new()
        {
            var page = await session.CallAsync(operation, AccessPackageDirectory.Read, first, cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<TEntity, TPage>(session, operation, AccessPackageDirectory.Read, page, cancellation).ConfigureAwait(false);
        }

        /// <summary>An administrative read made only to say more (who a request waits for, a stage's rules); null when the user's role does not allow it.</summary>
        public static async Task<T?> IfAdministratorAsync<T>(Func<Task<T>> read)
            where T : class?
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (LicenseGovernanceException e) when (e.Error.Id == ErrorIds.EntitlementRoleRequired)
            {
                return null;
            }
        }
    }
}
