using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>Who holds which tier package: direct assignments by an administrator, removals, and reading assignments and requests.</summary>
    internal static class TierAssignmentService
    {
        /// <summary>
        /// A tier package of the catalog, named by the package's name or id, or by its tier group's name or id (then the
        /// tier's regular package, or with <paramref name="exception"/> its exception package).
        /// </summary>
        public static async Task<(AccessPackageCatalog Catalog, AccessPackage Package)> ResolvePackageAsync(GraphSession session, string catalogName, string tier, CancellationToken cancellation, bool exception = false)
        {
            var catalog = await AccessPackageDirectory.FindCatalogAsync(session, catalogName, cancellation).ConfigureAwait(false)
                ?? throw Errors.TierAccessPackageNotFound(tier, catalogName, Array.Empty<string>()).ToException();
            var packages = await AccessPackageDirectory.PackagesAsync(session, catalog.Id!, cancellation).ConfigureAwait(false);
            // A regular package is named after its group, so with -Exception that name means the group, not the package.
            var match = packages.FirstOrDefault(p => (string.Equals(p.DisplayName, tier, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Id, tier, StringComparison.OrdinalIgnoreCase))
                && (!exception || AccessPackageDirectory.IsExceptionPackage(p)));
            if (match == null)
            {
                var groups = await TierGroupDirectory.FindAsync(session, tier, cancellation).ConfigureAwait(false);
                match = groups.Select(g => exception ? AccessPackageDirectory.ExceptionPackage(packages, g.Group.Id!) : AccessPackageDirectory.TierPackage(packages, g.Group.Id!)).FirstOrDefault(p => p != null);
            }

            if (match == null && TierRankGuard.IsWholeNumber(tier, out _))
            {
                var tiers = await TierGroupDirectory.ListTiersAsync(session, cancellation).ConfigureAwait(false);
                throw TierRankGuard.RankGiven(tier, tiers)!.ToException();
            }

            return match != null
                ? (catalog, match)
                : throw Errors.TierAccessPackageNotFound(tier, catalogName, NameMatcher.Closest(tier, packages.Select(p => p.DisplayName ?? ""))).ToException();
        }

        public static async Task<TierAssignmentPlan> PlanAddAsync(GraphSession session, AddTierAssignmentRequest request, CancellationToken cancellation)
        {
            var user = await RequireUserAsync(session, request.User, cancellation).ConfigureAwait(false);
            var (_, package) = await ResolvePackageAsync(session, request.Catalog, request.Tier, cancellation).ConfigureAwait(false);
            var policies = await AccessPackageDirectory.PoliciesAsync(session, package.Id!, cancellation).ConfigureAwait(false);
            var policy = AccessPackageDirectory.OwnPolicy(policies) ?? policies.FirstOrDefault()
                ?? throw Errors.TierAssignmentEndInvalid(package.DisplayName!, "the package has no assignment policy; run New-TierAccessPackage for it first.").ToException();
            var existing = (await AccessPackageDirectory.AssignmentsAsync(session, package.Id, user.Id, cancellation).ConfigureAwait(false)).FirstOrDefault();
            if (existing != null)
            {
                throw Errors.TierAssignmentExists(user.UserPrincipalName ?? user.Id!, package.DisplayName!, existing.Schedule?.Expiration?.EndDateTime).ToException();
            }

            if (request.EndDate != null && request.Days != null)
            {
                throw Errors.TierAssignmentEndInvalid(package.DisplayName!, "give -EndDate or -Days, not both.").ToException();
            }

            var now = session.Now;
            var end = request.EndDate?.ToUniversalTime() ?? (request.Days != null ? now.AddDays(request.Days.Value) : (DateTimeOffset?)null);
            var max = AssignmentSchedule.Check(package.DisplayName!, policy, end, now);

            var change = new AccessPackageAssignmentChange
            {
                AccessPackageId = Guid.Parse(package.Id!), AccessPackageName = package.DisplayName, AssignmentPolicyId = Guid.Parse(policy.Id!),
                TargetUserId = Guid.Parse(user.Id!), TargetUserPrincipalName = user.UserPrincipalName, EndDateTime = end, Justification = request.Justification,
            };
            return new TierAssignmentPlan
            {
                Action = TierAssignmentAction.Add, UserId = change.TargetUserId, UserPrincipalName = user.UserPrincipalName ?? user.Id!, AccessPackageId = change.AccessPackageId,
                AccessPackage = package.DisplayName!, PolicyId = change.AssignmentPolicyId, EndDate = end ?? max, RequestedEndDate = end, Justification = request.Justification,
                GroupId = AccessPackageDirectory.MemberGroups(package).Select(g => (Guid?)Guid.Parse(g)).FirstOrDefault(),
                Body = AccessPackageAssignmentWriter.Json(AccessPackageAssignmentWriter.AddBody(change, now)),
            };
        }

        public static async Task<TierAssignmentPlan> PlanRemoveAsync(GraphSession session, RemoveTierAssignmentRequest request, CancellationToken cancellation)
        {
            var assignment = string.IsNullOrWhiteSpace(request.AssignmentId)
                ? await FindByUserAsync(session, request, cancellation).ConfigureAwait(false)
                : await FindByIdAsync(session, request.AssignmentId!.Trim(), cancellation).ConfigureAwait(false);
            var change = AccessPackageDirectory.ChangeOf(assignment, request.Justification);
            var warnings = await LastLicenseWarningsAsync(session, change, cancellation).ConfigureAwait(false);
            return new TierAssignmentPlan
            {
                Warnings = warnings,
                Action = TierAssignmentAction.Remove, UserId = change.TargetUserId, UserPrincipalName = change.TargetUserPrincipalName ?? change.TargetUserId.ToString(), AccessPackageId = change.AccessPackageId,
                AccessPackage = change.AccessPackageName ?? change.AccessPackageId.ToString(), PolicyId = change.AssignmentPolicyId, AssignmentId = change.AssignmentId,
                EndDate = change.EndDateTime, Justification = request.Justification,
                Body = AccessPackageAssignmentWriter.Json(AccessPackageAssignmentWriter.RemoveBody(change.AssignmentId!.Value, request.Justification)),
            };
        }

        /// <summary>An id names the assignment itself, so an unknown one says so rather than being read as a user.</summary>
        private static async Task<AccessPackageAssignment> FindByIdAsync(GraphSession session, string assignmentId, CancellationToken cancellation) =>
            (await AccessPackageDirectory.AssignmentsAsync(session, null, null, cancellation).ConfigureAwait(false))
                .FirstOrDefault(a => string.Equals(a.Id, assignmentId, StringComparison.OrdinalIgnoreCase))
            ?? throw Errors.TierAssignmentIdNotFound(assignmentId).ToException();

        private static async Task<AccessPackageAssignment> FindByUserAsync(GraphSession session, RemoveTierAssignmentRequest request, CancellationToken cancellation)
        {
            var user = await RequireUserAsync(session, request.User ?? "", cancellation).ConfigureAwait(false);
            var (_, package) = await ResolvePackageAsync(session, request.Catalog, request.Tier ?? "", cancellation).ConfigureAwait(false);
            return (await AccessPackageDirectory.AssignmentsAsync(session, package.Id, user.Id, cancellation).ConfigureAwait(false)).FirstOrDefault()
                ?? throw Errors.TierAssignmentNotFound(user.UserPrincipalName ?? user.Id!, package.DisplayName!).ToException();
        }

        /// <summary>A removal that leaves the user with no licence at all is allowed (it is asked for), but said before confirming.</summary>
        private static async Task<List<string>> LastLicenseWarningsAsync(GraphSession session, AccessPackageAssignmentChange change, CancellationToken cancellation)
        {
            var warnings = new List<string>();
            var package = (await AccessPackageDirectory.AllPackagesAsync(session, cancellation).ConfigureAwait(false)).FirstOrDefault(p => p.Id == change.AccessPackageId.ToString());
            var groups = package == null ? new List<string>() : AccessPackageDirectory.MemberGroups(package).ToList();
            var user = await session.CallOrNotFoundAsync("read the licences of " + change.TargetUserPrincipalName, "ReadUsers",
                c => c.Users[change.TargetUserId.ToString()].GetAsync(r => r.QueryParameters.Select = new[] { "id", "licenseAssignmentStates" }, cancellation), cancellation).ConfigureAwait(false);
            var states = user == null ? new List<LicenseState>() : LicenseStates.Of(user).Where(LicenseStates.HoldsSeat).ToList();
            if (states.Count > 0 && states.All(s => s.AssignedByGroup != null && groups.Contains(s.AssignedByGroup.ToLowerInvariant())))
            {
                warnings.Add($"{change.TargetUserPrincipalName ?? change.TargetUserId.ToString()} will have no licence left once {change.AccessPackageName} is removed.");
            }

            return warnings;
        }


        public static async Task<TierAssignmentRequestInfo> ApplyAsync(GraphSession session, TierAssignmentPlan plan, JournalScope journal, CancellationToken cancellation)
        {
            var change = new AccessPackageAssignmentChange
            {
                AccessPackageId = plan.AccessPackageId, AccessPackageName = plan.AccessPackage, AssignmentPolicyId = plan.PolicyId, TargetUserId = plan.UserId,
                TargetUserPrincipalName = plan.UserPrincipalName, AssignmentId = plan.AssignmentId, Justification = plan.Justification,
                EndDateTime = plan.Action == TierAssignmentAction.Add ? plan.RequestedEndDate : plan.EndDate,
            };
            var sent = plan.Action == TierAssignmentAction.Add
                ? await AccessPackageAssignmentWriter.AddAsync(session, journal, change, cancellation).ConfigureAwait(false)
                : await AccessPackageAssignmentWriter.RemoveAsync(session, journal, change, cancellation).ConfigureAwait(false);
            var read = await session.CallOrNotFoundAsync("read assignment request " + sent.Id, AccessPackageDirectory.Read,
                c => c.IdentityGovernance.EntitlementManagement.AssignmentRequests[sent.Id].GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            var info = Describe(read ?? sent, plan.AccessPackage, plan.AccessPackageId);
            info.UserPrincipalName = plan.UserPrincipalName;
            info.UserId = plan.UserId;
            return info;
        }

        public static async Task GetAssignmentsAsync(GraphSession session, GetTierAssignmentRequest request, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var (packages, tiers) = await PackagesOfAsync(session, request.Catalog, request.Tier, cancellation).ConfigureAwait(false);
            User? user = string.IsNullOrWhiteSpace(request.User) ? null : await RequireUserAsync(session, request.User!, cancellation).ConfigureAwait(false);
            var now = session.Now;
            var done = 0;
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var package in packages)
            {
                sink.WriteProgress(new GovernanceProgress(ProgressActivity.TierAssignments, "Reading tier assignments", package.DisplayName ?? package.Id!, GovernanceProgress.Percent(done++, packages.Count)));
                var groupId = AccessPackageDirectory.MemberGroups(package).FirstOrDefault();
                var groupName = tiers.FirstOrDefault(t => string.Equals(t.Group.Id, groupId, StringComparison.OrdinalIgnoreCase))?.Name
                    ?? (groupId == null ? null : await TierAccessPackageDescriber.GroupNameAsync(session, groupId, names, cancellation).ConfigureAwait(false));
                // Streamed, each written as its page arrives; the package is the one asked for, so only target and policy are expanded.
                await AccessPackageDirectory.ForEachAssignmentAsync(session, package.Id, user?.Id, a =>
                {
                    if (!AccessPackageDirectory.IsLive(a))
                    {
                        return;
                    }

                    var until = a.Schedule?.Expiration?.EndDateTime;
                    if (request.ExpiringWithinDays != null && (until == null || until > now.AddDays(request.ExpiringWithinDays.Value)))
                    {
                        return;
                    }

                    sink.WriteObject(new TierAssignment
                    {
                        AssignmentId = Guid.Parse(a.Id!),
                        UserId = Guid.Parse(a.Target?.ObjectId ?? a.Target?.Id ?? Guid.Empty.ToString()),
                        UserPrincipalName = a.Target?.PrincipalName,
                        DisplayName = a.Target?.DisplayName,
                        AccessPackage = package.DisplayName ?? package.Id!,
                        AccessPackageId = Guid.Parse(package.Id!),
                        TierGroup = groupName,
                        Policy = a.AssignmentPolicy?.DisplayName,
                        PolicyId = a.AssignmentPolicy?.Id == null ? (Guid?)null : Guid.Parse(a.AssignmentPolicy.Id),
                        State = a.State?.ToString() ?? "",
                        Since = a.Schedule?.StartDateTime,
                        Until = until,
                        DaysLeft = until == null ? (int?)null : (int)Math.Max(0, Math.Ceiling((until.Value - now).TotalDays)),
                    });
                }, cancellation, AccessPackageDirectory.TargetAndPolicy).ConfigureAwait(false);
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.TierAssignments, "Reading tier assignments", "Done", 100, completed: true));
        }

        public static async Task GetRequestsAsync(GraphSession session, GetTierAssignmentRequestQuery request, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var (packages, _) = await PackagesOfAsync(session, request.Catalog, request.Tier, cancellation).ConfigureAwait(false);
            User? user = string.IsNullOrWhiteSpace(request.User) ? null : await RequireUserAsync(session, request.User!, cancellation).ConfigureAwait(false);
            var state = request.State == null ? null : string.Equals(request.State, "Pending", StringComparison.OrdinalIgnoreCase) ? "pendingApproval" : request.State;
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var package in packages)
            {
                var filter = "accessPackage/id eq '" + package.Id + "'" + (state == null ? "" : " and state eq '" + ToCamel(state) + "'");
                var page = await session.CallAsync("list assignment requests", AccessPackageDirectory.Read,
                    c => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.GetAsync(r =>
                    {
                        r.QueryParameters.Filter = filter;
                        r.QueryParameters.Expand = new[] { "requestor", "assignment($expand=target)" };
                    }, cancellation), cancellation).ConfigureAwait(false);
                var policies = await AccessPackageDirectory.PoliciesAsync(session, package.Id!, cancellation).ConfigureAwait(false);
                var requests = await GraphPages.AllAsync<AccessPackageAssignmentRequest, AccessPackageAssignmentRequestCollectionResponse>(session, "list assignment requests", AccessPackageDirectory.Read, page, cancellation).ConfigureAwait(false);
                foreach (var r in requests)
                {
                    var info = Describe(r, package.DisplayName ?? package.Id!, Guid.Parse(package.Id!));
                    var targetId = AccessPackageDirectory.RequestTarget(r);
                    info.UserId = Guid.TryParse(targetId, out var uid) ? uid : (Guid?)null;
                    info.UserPrincipalName = r.Assignment?.Target?.PrincipalName ?? r.Requestor?.PrincipalName;
                    if (user != null && !string.Equals(targetId, user.Id, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (r.State == AccessPackageRequestState.PendingApproval)
                    {
                        await DescribeWaitAsync(session, r, info, policies, names, cancellation).ConfigureAwait(false);
                    }

                    sink.WriteObject(info);
                }
            }
        }

        /// <summary>Which stage a pending request is at and who can decide it: from its approval when readable, else from the policy's first stage.</summary>
        internal static async Task DescribeWaitAsync(GraphSession session, AccessPackageAssignmentRequest r, TierAssignmentRequestInfo info, List<AccessPackageAssignmentPolicy> policies, Dictionary<string, string> names, CancellationToken cancellation)
        {
            var policy = AccessPackageDirectory.OwnPolicy(policies) ?? policies.FirstOrDefault();
            var stages = policy?.RequestApprovalSettings?.Stages ?? new List<AccessPackageApprovalStage>();
            var index = 0;
            try
            {
                var approval = await session.CallOrNotFoundAsync("read approval " + r.Id, AccessPackageDirectory.Read,
                    c => c.IdentityGovernance.EntitlementManagement.AccessPackageAssignmentApprovals[r.Id].Stages.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
                var read = await GraphPages.AllAsync<ApprovalStage, ApprovalStageCollectionResponse>(session, "read approval " + r.Id, AccessPackageDirectory.Read, approval, cancellation).ConfigureAwait(false);
                var current = read.FindIndex(s => string.Equals(s.Status, "InProgress", StringComparison.OrdinalIgnoreCase));
                index = current < 0 ? 0 : current;
            }
            catch (LicenseGovernanceException)
            {
                // Application callers cannot read approval stages in every tenant; the policy still says who decides.
            }

            info.Stage = stages.Count == 0 ? null : (index + 1).ToString(CultureInfo.InvariantCulture) + " of " + stages.Count.ToString(CultureInfo.InvariantCulture);
            if (index < stages.Count)
            {
                var who = await TierAccessPackageDescriber.SetsAsync(session, stages[index].PrimaryApprovers, names, cancellation).ConfigureAwait(false);
                if (who == "Manager" && info.UserId != null)
                {
                    var manager = await session.CallOrNotFoundAsync("read manager", "ReadUsers",
                        c => c.Users[info.UserId.Value.ToString()].Manager.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false) as User;
                    who = manager?.UserPrincipalName != null ? "Manager (" + manager.UserPrincipalName + ")" : "Manager (none: fallback approvers)";
                }

                info.WaitingFor = who;
            }
        }

        internal static TierAssignmentRequestInfo Describe(AccessPackageAssignmentRequest r, string package, Guid packageId) => new TierAssignmentRequestInfo
        {
            Id = Guid.Parse(r.Id!),
            // The v1.0 SDK's enum lacks userExtend, so an extension arrives without a type: it is the user request that names an existing assignment.
            RequestType = r.RequestType != null ? ToCamel(r.RequestType.Value.ToString()) : r.Assignment?.Id != null ? "userExtend" : "unknown",
            State = ToCamel(r.State?.ToString() ?? ""),
            Status = r.Status,
            AccessPackage = package,
            AccessPackageId = packageId,
            Justification = r.Justification,
            Created = r.CreatedDateTime,
            Completed = r.CompletedDateTime,
        };

        private static string ToCamel(string value) => value.Length == 0 ? value : char.ToLowerInvariant(value[0]) + value.Substring(1);

        /// <summary>The catalog's tier packages (all, or those named), and the tiers so each can be named after its group.</summary>
        private static async Task<(List<AccessPackage> Packages, IReadOnlyList<TierGroupState> Tiers)> PackagesOfAsync(GraphSession session, string catalogName, string? tier, CancellationToken cancellation)
        {
            var tiers = await TierGroupDirectory.ListTiersAsync(session, cancellation).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(tier))
            {
                return (new List<AccessPackage> { (await ResolvePackageAsync(session, catalogName, tier!, cancellation).ConfigureAwait(false)).Package }, tiers);
            }

            var catalog = await AccessPackageDirectory.FindCatalogAsync(session, catalogName, cancellation).ConfigureAwait(false);
            return (catalog == null ? new List<AccessPackage>() : await AccessPackageDirectory.PackagesAsync(session, catalog.Id!, cancellation).ConfigureAwait(false), tiers);
        }

        private static async Task<User> RequireUserAsync(GraphSession session, string idOrUpn, CancellationToken cancellation) =>
            await AccessPackageDirectory.FindUserAsync(session, idOrUpn.Trim(), cancellation).ConfigureAwait(false)
                ?? throw Errors.PrincipalNotFound(idOrUpn, "-User").ToException();
    }
}
