using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// Remove-TierAccessPackage's part in entitlement management: which package, how many hold it, and, once nobody does,
    /// deleting its policies, its resource role scopes, the package, and the catalog resource no other package of the
    /// catalog uses. Moving the holders off it is a tier move, wired in at the engine's root. Graph deletes a package only
    /// once it has no assignment, so nothing is deleted while one is left; every deletion is journaled before it is sent
    /// (Get-LicenseChangeLog shows it; Undo-LicenseChange does not recreate a package).
    /// </summary>
    internal static class TierAccessPackageRemover
    {
        private const string Root = "/identityGovernance/entitlementManagement";

        private static readonly string[] Target = { "target" };

        public static async Task<TierAccessPackageRemovalPlan> PlanAsync(GraphSession session, RemoveTierAccessPackageRequest request, CancellationToken cancellation)
        {
            if (request.WaitTimeoutSeconds < 0 || request.WaitTimeoutSeconds > SyncLicenseTierRequest.MaxWaitTimeoutSeconds)
            {
                throw Errors.TierWaitTimeoutInvalid(request.WaitTimeoutSeconds, SyncLicenseTierRequest.MaxWaitTimeoutSeconds).ToException();
            }

            var (catalog, package) = await TierAssignmentService.ResolvePackageAsync(session, request.Catalog, request.Tier.Trim(), cancellation, request.Exception).ConfigureAwait(false);
            var holders = (await LiveAsync(session, package.Id!, cancellation).ConfigureAwait(false)).Count;
            if (holders > 0 && !request.Force)
            {
                throw Errors.TierAccessPackageInUse(package.DisplayName ?? package.Id!, holders).ToException();
            }

            var group = await GroupOfAsync(session, package, cancellation).ConfigureAwait(false);
            if (holders > 0 && group?.IsTier != true)
            {
                // Its holders are in no tier, so there is no tier to move them to in the safe order.
                throw Errors.NotATierGroup(group?.Name ?? package.DisplayName ?? package.Id!).ToException();
            }

            var deletions = await DeletionsAsync(session, catalog, package, cancellation).ConfigureAwait(false);
            return new TierAccessPackageRemovalPlan
            {
                PackageName = package.DisplayName ?? package.Id!, PackageId = Guid.Parse(package.Id!), Catalog = catalog.DisplayName ?? request.Catalog, TierGroup = group?.Name,
                Force = request.Force, WaitTimeoutSeconds = request.WaitTimeoutSeconds, Changes = deletions.Select(d => d.Change).ToList(),
            };
        }

        /// <summary>The holders' moves as planned; one that cannot be made now is said before confirming, since the package then stays.</summary>
        public static void AddHolders(TierAccessPackageRemovalPlan plan, IEnumerable<TierMoveResult> holders)
        {
            plan.Holders.AddRange(holders);
            plan.Warnings.AddRange(plan.Holders.Where(h => h.Outcome != TierMoveOutcome.Planned)
                .Select(h => $"{h.UserPrincipalName} cannot be moved now ({h.Detail} {h.Remedy}), so {plan.PackageName} will not be deleted yet."));
        }

        /// <summary>
        /// Deletes the package once no assignment is left (waiting for entitlement management to end those being removed,
        /// up to the plan's timeout under -Force). A holder not moved, or an assignment not gone in time, leaves everything in
        /// place: the result says why and the error is written.
        /// </summary>
        /// <param name="holders">The holders' moves, which ended their assignments (under -Force; empty otherwise).</param>
        public static async Task<TierAccessPackageRemoval> ApplyAsync(GraphSession session, TierAccessPackageRemovalPlan plan, IReadOnlyList<TierMoveResult> holders, JournalScope journal, IGovernanceSink sink)
        {
            var result = new TierAccessPackageRemoval
            {
                Name = plan.PackageName, Id = plan.PackageId, Catalog = plan.Catalog, TierGroup = plan.TierGroup, Holders = holders.ToArray(), CorrelationId = journal.CorrelationId,
            };
            var stuck = holders.Where(h => h.Outcome != TierMoveOutcome.Moved).ToList();
            if (stuck.Count > 0)
            {
                return Incomplete(result, $"{stuck.Count} holder(s) could not be moved yet: " + string.Join("; ", stuck.Select(h => $"{h.UserPrincipalName} ({h.Outcome}: {h.Detail})")), sink);
            }

            var left = await UnassignedWithinAsync(session, plan, sink.Cancellation).ConfigureAwait(false);
            if (left > 0 && !plan.Force)
            {
                throw Errors.TierAccessPackageInUse(plan.PackageName, left).ToException();
            }

            if (left > 0)
            {
                return Incomplete(result, $"entitlement management had not ended {left} assignment(s) within -WaitTimeout.", sink);
            }

            result.Deleted = await DeleteAsync(session, plan, journal, sink.Cancellation).ConfigureAwait(false);
            result.Removed = true;
            result.Detail = $"Deleted {plan.PackageName} and what belonged to it" + (holders.Count == 0 ? "." : $", after moving its {holders.Count} holder(s) in the safe order.");
            return result;
        }

        /// <summary>Deletes what belongs to the package as it is now (read again: the plan may be minutes old), each journaled first.</summary>
        private static async Task<AccessPackageChange[]> DeleteAsync(GraphSession session, TierAccessPackageRemovalPlan plan, JournalScope journal, CancellationToken cancellation)
        {
            var (catalog, package) = await TierAssignmentService.ResolvePackageAsync(session, plan.Catalog, plan.PackageId.ToString(), cancellation).ConfigureAwait(false);
            var deleted = new List<AccessPackageChange>();
            foreach (var deletion in await DeletionsAsync(session, catalog, package, cancellation).ConfigureAwait(false))
            {
                await journal.RunAsync(deletion.Intent, deletion.Send, cancellation).ConfigureAwait(false);
                deleted.Add(deletion.Change);
            }

            return deleted.ToArray();
        }

        private static TierAccessPackageRemoval Incomplete(TierAccessPackageRemoval result, string reason, IGovernanceSink sink)
        {
            var error = Errors.TierAccessPackageRemovalIncomplete(result.Name, reason);
            sink.WriteError(error);
            result.Detail = reason;
            result.Remedy = error.RecommendedAction ?? "";
            return result;
        }

        /// <summary>
        /// How many live assignments the package still has once entitlement management has had the plan's timeout to end
        /// those being removed (it ends them a while after it is asked to). Without -Force there is nothing to wait for.
        /// </summary>
        private static async Task<int> UnassignedWithinAsync(GraphSession session, TierAccessPackageRemovalPlan plan, CancellationToken cancellation)
        {
            var timings = LicenseWatchTimings.Default.WithTimeout(plan.Force ? TimeSpan.FromSeconds(plan.WaitTimeoutSeconds) : TimeSpan.Zero);
            return await timings.PollAsync(session, async () => (await LiveAsync(session, plan.PackageId.ToString(), cancellation).ConfigureAwait(false)).Count, left => left == 0, null, cancellation).ConfigureAwait(false);
        }

        private static Task<List<AccessPackageAssignment>> LiveAsync(GraphSession session, string packageId, CancellationToken cancellation) =>
            AccessPackageDirectory.AssignmentsAsync(session, packageId, null, AccessPackageDirectory.IsLive, cancellation, Target);

        /// <summary>The group whose Member role the package grants, as a tier (or a plain group); null when it grants none.</summary>
        private static async Task<TierGroupState?> GroupOfAsync(GraphSession session, AccessPackage package, CancellationToken cancellation)
        {
            var groupId = AccessPackageDirectory.MemberGroups(package).FirstOrDefault();
            return groupId == null ? null : (await TierGroupDirectory.FindAsync(session, groupId, cancellation).ConfigureAwait(false)).FirstOrDefault();
        }

        /// <summary>
        /// What goes, in order: the policies (so nobody can request the package any more), the role scopes, the package, and
        /// each of its groups' catalog resources that no other package of the catalog grants a role of.
        /// </summary>
        private static async Task<List<Deletion>> DeletionsAsync(GraphSession session, AccessPackageCatalog catalog, AccessPackage package, CancellationToken cancellation)
        {
            var deletions = new List<Deletion>();
            foreach (var policy in await AccessPackageDirectory.PoliciesAsync(session, package.Id!, cancellation).ConfigureAwait(false))
            {
                deletions.Add(new Deletion(session, AccessPackageChangeAction.Delete, "accessPackageAssignmentPolicy", policy.DisplayName ?? policy.Id!, "DELETE " + Root + "/assignmentPolicies/" + policy.Id, "AccessPackage.DeletePolicy", policy,
                    c => c.IdentityGovernance.EntitlementManagement.AssignmentPolicies[policy.Id].DeleteAsync()));
            }

            foreach (var scope in package.ResourceRoleScopes ?? new List<AccessPackageResourceRoleScope>())
            {
                deletions.Add(new Deletion(session, AccessPackageChangeAction.Remove, "accessPackageResourceRoleScope", RoleName(scope), "DELETE " + Root + "/accessPackages/" + package.Id + "/resourceRoleScopes/" + scope.Id, "AccessPackage.RemoveResourceRole", scope,
                    c => c.IdentityGovernance.EntitlementManagement.AccessPackages[package.Id].ResourceRoleScopes[scope.Id].DeleteAsync()));
            }

            deletions.Add(new Deletion(session, AccessPackageChangeAction.Delete, "accessPackage", package.DisplayName ?? package.Id!, "DELETE " + Root + "/accessPackages/" + package.Id, "AccessPackage.Delete", package,
                c => c.IdentityGovernance.EntitlementManagement.AccessPackages[package.Id].DeleteAsync()));
            deletions.AddRange(await ResourceDeletionsAsync(session, catalog, package, cancellation).ConfigureAwait(false));
            return deletions;
        }

        private static async Task<IEnumerable<Deletion>> ResourceDeletionsAsync(GraphSession session, AccessPackageCatalog catalog, AccessPackage package, CancellationToken cancellation)
        {
            var others = (await AccessPackageDirectory.PackagesAsync(session, catalog.Id!, cancellation).ConfigureAwait(false)).Where(p => p.Id != package.Id).ToList();
            var deletions = new List<Deletion>();
            foreach (var groupId in AccessPackageDirectory.Roles(package).Select(r => r.GroupId).Where(g => g != null).Distinct())
            {
                var resource = others.Any(p => AccessPackageDirectory.Roles(p).Any(r => r.GroupId == groupId)) ? null
                    : await AccessPackageDirectory.FindResourceAsync(session, catalog.Id!, groupId!, cancellation).ConfigureAwait(false);
                if (resource != null)
                {
                    var body = new AccessPackageResourceRequest
                    {
                        RequestType = AccessPackageRequestType.AdminRemove,
                        Resource = new AccessPackageResource { Id = resource.Id, OriginId = resource.OriginId, OriginSystem = resource.OriginSystem },
                        Catalog = new AccessPackageCatalog { Id = catalog.Id },
                    };
                    deletions.Add(new Deletion(session, AccessPackageChangeAction.Remove, "accessPackageResource", resource.DisplayName ?? groupId!, "POST " + Root + "/resourceRequests", "AccessPackage.RemoveCatalogResource", resource,
                        c => c.IdentityGovernance.EntitlementManagement.ResourceRequests.PostAsync(body), body));
                }
            }

            return deletions;
        }

        private static string RoleName(AccessPackageResourceRoleScope scope) =>
            (scope.Role?.DisplayName ?? "role") + " of " + (scope.Role?.Resource?.DisplayName ?? scope.Scope?.OriginId ?? "?");

        /// <summary>One Graph object to delete: as the plan shows it, as the journal records it (the object as it was), and the call.</summary>
        private sealed class Deletion
        {
            public Deletion(GraphSession session, AccessPackageChangeAction action, string type, string name, string request, string operation, Entity before, Func<Microsoft.Graph.GraphServiceClient, Task> call, IParsable? body = null)
            {
                var json = body == null ? "" : AccessPackageAssignmentWriter.Json(body);
                Change = new AccessPackageChange { Action = action, ObjectType = type, Name = name, Request = request, Body = json };
                Intent = ChangeIntents.Other(operation, type, before.Id ?? name, name, JsonNode.Parse(AccessPackageAssignmentWriter.Json(before)), json.Length == 0 ? null : JsonNode.Parse(json));
                // A write once sent is not cancelled halfway; Ctrl+C is honoured between deletions.
                Send = () => session.CallAsync(Action(action) + " " + type + " " + name, AccessPackageDirectory.Manage, async c =>
                {
                    await call(c).ConfigureAwait(false);
                    return true;
                }, CancellationToken.None);
            }

            public AccessPackageChange Change { get; }

            public ChangeIntent Intent { get; }

            public Func<Task<bool>> Send { get; }

            private static string Action(AccessPackageChangeAction action) => action == AccessPackageChangeAction.Delete ? "delete" : "remove";
        }
    }
}
