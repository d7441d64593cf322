using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// Self-service as My Access does it: the signed-in user's own request for a tier package (userAdd) or for more time on
    /// it (userExtend), checked against the policy first; and an approver's decision on a request's current stage. Graph
    /// takes both only from a signed-in user, so an app-only session is refused before anything is read.
    /// </summary>
    internal static class TierRequestService
    {
        public static async Task<TierRequestPlan> PlanRequestAsync(GraphSession session, RequestTierAssignmentRequest request, CancellationToken cancellation)
        {
            RequireDelegated(session, "Request-TierAssignment", "Graph's userAdd and userExtend requests are the signed-in user's own; for an administrator's assignment use Add-TierAssignment.");
            if (request.EndDate != null && request.Days != null)
            {
                throw Errors.TierAssignmentEndInvalid(request.Tier, "give -EndDate or -Days, not both.").ToException();
            }

            var me = await SignedInUserAsync(session, cancellation).ConfigureAwait(false);
            var package = await RequestablePackageAsync(session, request.Catalog, request.Tier, me, cancellation).ConfigureAwait(false);
            var name = package.DisplayName ?? package.Id!;
            var policies = await RequestorView.RequestablePoliciesAsync(session, package.Id!, cancellation).ConfigureAwait(false);
            var held = (await RequestorView.MyAssignmentsAsync(session, package.Id!, cancellation).ConfigureAwait(false)).FirstOrDefault();
            var now = session.Now;
            var asked = request.EndDate?.ToUniversalTime() ?? (request.Days != null ? now.AddDays(request.Days.Value) : (DateTimeOffset?)null);
            AccessPackageAssignmentPolicy policy;
            if (request.Extend)
            {
                policy = ExtensionPolicy(name, policies, held, me);
            }
            else
            {
                if (held != null)
                {
                    throw Errors.TierRequestRefused(name, $"{me.UserPrincipalName} holds it already" + Until(held) + "; to keep it longer, add -Extend.").ToException();
                }

                policy = TierRequestRules.PolicyFor(name, policies, me);
            }

            var end = TierRequestRules.CheckRequest(name, policy, request.Justification, asked, now);
            if (request.Extend)
            {
                TierRequestRules.CheckLater(name, end, held!.Schedule?.Expiration?.EndDateTime);
            }

            return Plan(request, me, package, policy, held, asked, end, now);
        }

        public static async Task<TierAssignmentRequestInfo> ApplyRequestAsync(GraphSession session, TierRequestPlan plan, JournalScope journal, CancellationToken cancellation)
        {
            var sent = await AccessPackageAssignmentWriter.RequestAsync(session, journal, Change(plan), plan.RequestType, cancellation).ConfigureAwait(false);
            var mine = await RequestorView.MyRequestAsync(session, "target", sent.Id!, cancellation).ConfigureAwait(false);
            var info = TierAssignmentService.Describe(mine ?? sent, plan.AccessPackage, plan.AccessPackageId);
            if (mine?.State == AccessPackageRequestState.PendingApproval)
            {
                await DescribeWaitIfAdministratorAsync(session, mine, info, cancellation).ConfigureAwait(false);
            }

            info.RequestType = plan.RequestType;
            info.UserId = plan.UserId;
            info.UserPrincipalName = plan.UserPrincipalName;
            return info;
        }

        public static async Task<TierRequestDecisionPlan> PlanDecisionAsync(GraphSession session, TierRequestDecisionRequest request, CancellationToken cancellation)
        {
            var command = request.Approve ? "Approve-TierAssignmentRequest" : "Deny-TierAssignmentRequest";
            RequireDelegated(session, command, "Graph lets only a signed-in approver of the request's current stage decide it; an application can neither approve nor deny.");
            var id = request.RequestId.ToString();
            var approver = session.Context.Account ?? session.Claims?.UserPrincipalName ?? "";
            var read = await RequestorView.MyRequestAsync(session, "approver", id, cancellation).ConfigureAwait(false);
            var stages = await RequestorView.IfAdministratorAsync(() => RequestorView.StagesAsync(session, id, cancellation)).ConfigureAwait(false)
                ?? throw (read == null ? Errors.TierAssignmentRequestNotShown(approver, id) : Errors.TierAssignmentRequestNotFound(id)).ToException();
            var index = stages.FindIndex(s => string.Equals(s.Status, "InProgress", StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw Errors.TierAssignmentRequestNotPending(id, StateOf(stages)).ToException();
            }

            var stage = (index + 1).ToString(CultureInfo.InvariantCulture) + " of " + stages.Count.ToString(CultureInfo.InvariantCulture);
            if (read == null || stages[index].AssignedToMe != true)
            {
                throw Errors.NotApproverOfStage(approver, id, stage, await WaitingForAsync(session, id, cancellation).ConfigureAwait(false)).ToException();
            }

            await CheckApproverJustificationAsync(session, read, index, request.Justification, cancellation).ConfigureAwait(false);
            var decision = request.Approve ? "Approve" : "Deny";
            var described = TierAssignmentService.Describe(read, "", Guid.Empty);
            return new TierRequestDecisionPlan
            {
                RequestId = request.RequestId, RequestType = described.RequestType, Decision = decision, StageId = Guid.Parse(stages[index].Id!), Stage = stage,
                UserPrincipalName = read.Assignment?.Target?.PrincipalName ?? read.Requestor?.PrincipalName, AccessPackage = read.AccessPackage?.DisplayName ?? read.AccessPackage?.Id ?? "",
                AccessPackageId = Guid.TryParse(read.AccessPackage?.Id, out var packageId) ? packageId : Guid.Empty,
                Justification = request.Justification, Approver = approver, As = request.As,
                Body = AccessPackageAssignmentWriter.Json(AccessPackageAssignmentWriter.DecisionBody(decision, request.Justification)),
            };
        }

        /// <summary>
        /// The request after the decision: an administrator reads it whole; an approver reads its approval, where a denied
        /// stage means denied, a stage in progress means it waits for the next one, and every stage approved means Graph
        /// goes on to deliver it.
        /// </summary>
        public static async Task<TierAssignmentRequestInfo> ApplyDecisionAsync(GraphSession session, TierRequestDecisionPlan plan, JournalScope journal, CancellationToken cancellation)
        {
            await AccessPackageAssignmentWriter.DecideAsync(session, journal, plan.RequestId, plan.UserPrincipalName, plan.StageId, plan.Decision, plan.Justification, cancellation).ConfigureAwait(false);
            var whole = await RequestorView.IfAdministratorAsync(() => ReadAsync(session, plan.RequestId, plan.AccessPackage, plan.AccessPackageId, cancellation)).ConfigureAwait(false);
            if (whole != null)
            {
                whole.UserPrincipalName ??= plan.UserPrincipalName;
                return whole;
            }

            var stages = await RequestorView.StagesAsync(session, plan.RequestId.ToString(), cancellation).ConfigureAwait(false)
                ?? throw Errors.TierAssignmentRequestNotFound(plan.RequestId.ToString()).ToException();
            var next = stages.FindIndex(s => string.Equals(s.Status, "InProgress", StringComparison.OrdinalIgnoreCase));
            return new TierAssignmentRequestInfo
            {
                Id = plan.RequestId, RequestType = plan.RequestType, State = StateOf(stages), AccessPackage = plan.AccessPackage, AccessPackageId = plan.AccessPackageId,
                UserPrincipalName = plan.UserPrincipalName,
                Stage = next < 0 ? null : (next + 1).ToString(CultureInfo.InvariantCulture) + " of " + stages.Count.ToString(CultureInfo.InvariantCulture),
            };
        }

        /// <summary>A request's state as its approval shows it; an approved request is then delivered by Graph (entitlement management's request lifecycle).</summary>
        private static string StateOf(List<ApprovalStage> stages) =>
            stages.Any(s => string.Equals(s.ReviewResult, "Denied", StringComparison.OrdinalIgnoreCase)) ? "denied"
            : stages.Any(s => string.Equals(s.Status, "InProgress", StringComparison.OrdinalIgnoreCase)) ? "pendingApproval"
            : stages.Count > 0 && stages.All(s => string.Equals(s.ReviewResult, "Approved", StringComparison.OrdinalIgnoreCase)) ? "delivering"
            : "decided";

        /// <summary>Who the request waits for, when the signed-in user may read the request and its policy (an administrator); else null.</summary>
        private static async Task<string?> WaitingForAsync(GraphSession session, string id, CancellationToken cancellation)
        {
            var read = await RequestorView.IfAdministratorAsync(() => ReadRequestAsync(session, id, cancellation)).ConfigureAwait(false);
            if (read == null)
            {
                return null;
            }

            var info = TierAssignmentService.Describe(read, "", Guid.Empty);
            info.UserId = Guid.TryParse(Target(read), out var target) ? target : (Guid?)null;
            await DescribeWaitIfAdministratorAsync(session, read, info, cancellation).ConfigureAwait(false);
            return info.WaitingFor;
        }

        /// <summary>The stage and approvers of a pending request, read from its package's policies when the signed-in user may read them.</summary>
        private static async Task DescribeWaitIfAdministratorAsync(GraphSession session, AccessPackageAssignmentRequest read, TierAssignmentRequestInfo info, CancellationToken cancellation)
        {
            var policies = read.AccessPackage?.Id == null ? null
                : await RequestorView.IfAdministratorAsync(() => AccessPackageDirectory.PoliciesAsync(session, read.AccessPackage.Id, cancellation)).ConfigureAwait(false);
            if (policies != null)
            {
                info.UserId ??= Guid.TryParse(Target(read), out var target) ? target : (Guid?)null;
                await TierAssignmentService.DescribeWaitAsync(session, read, info, policies, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), cancellation).ConfigureAwait(false);
            }
        }

        private static void RequireDelegated(GraphSession session, string command, string why)
        {
            if (session.AppOnly)
            {
                throw Errors.DelegatedSignInRequired(command, why).ToException();
            }
        }

        private static async Task<User> SignedInUserAsync(GraphSession session, CancellationToken cancellation)
        {
            var who = session.Claims?.ObjectId ?? session.Claims?.UserPrincipalName ?? session.Context.Account ?? "";
            return await AccessPackageDirectory.FindUserAsync(session, who, cancellation).ConfigureAwait(false) ?? throw Errors.UserNotFound(who).ToException();
        }

        /// <summary>
        /// The package named (by its name, id, or its tier group's name) among those of the catalog that Graph offers the
        /// signed-in user to request; one they may not request is refused as not offered, since a requestor cannot see it.
        /// </summary>
        private static async Task<AccessPackage> RequestablePackageAsync(GraphSession session, string catalog, string tier, User me, CancellationToken cancellation)
        {
            var packages = await RequestorView.RequestablePackagesAsync(session, catalog, cancellation).ConfigureAwait(false);
            var match = await TierAssignmentService.MatchPackageAsync(session, packages, tier, false, cancellation).ConfigureAwait(false);
            return match ?? throw TierRequestRules.NotOffered(tier, me);
        }

        private static AccessPackageAssignmentPolicy ExtensionPolicy(string package, List<AccessPackageAssignmentPolicy> policies, AccessPackageAssignment? held, User me)
        {
            if (held == null)
            {
                throw Errors.TierRequestRefused(package, $"{me.UserPrincipalName} holds no assignment of it to extend; request it without -Extend.").ToException();
            }

            var policy = policies.FirstOrDefault(p => string.Equals(p.Id, held.AssignmentPolicy?.Id, StringComparison.OrdinalIgnoreCase))
                ?? throw Errors.TierRequestRefused(package, $"the policy of the assignment held is gone or no longer lets {me.UserPrincipalName} request, so it cannot be extended.").ToException();
            TierRequestRules.CheckExtension(package, policy, held);
            return policy;
        }

        private static TierRequestPlan Plan(RequestTierAssignmentRequest request, User me, AccessPackage package, AccessPackageAssignmentPolicy policy, AccessPackageAssignment? held,
            DateTimeOffset? asked, DateTimeOffset? end, DateTimeOffset now)
        {
            var plan = new TierRequestPlan
            {
                RequestType = request.Extend ? "userExtend" : "userAdd",
                UserId = Guid.Parse(me.Id!), UserPrincipalName = me.UserPrincipalName ?? me.Id!,
                AccessPackageId = Guid.Parse(package.Id!), AccessPackage = package.DisplayName ?? package.Id!,
                PolicyId = Guid.Parse(policy.Id!), Policy = policy.DisplayName ?? policy.Id!,
                AssignmentId = request.Extend ? Guid.Parse(held!.Id!) : (Guid?)null,
                EndDate = end, RequestedEndDate = asked, Justification = request.Justification, As = request.As,
                ApprovalRequired = TierRequestRules.ApprovalRequired(policy, request.Extend),
            };
            plan.Body = AccessPackageAssignmentWriter.Json(AccessPackageAssignmentWriter.UserBody(Change(plan), plan.RequestType, now));
            return plan;
        }

        /// <summary>The request as journaled and sent: the end goes out only when the requestor chose it, else the policy's applies.</summary>
        private static AccessPackageAssignmentChange Change(TierRequestPlan plan) => new AccessPackageAssignmentChange
        {
            AccessPackageId = plan.AccessPackageId, AccessPackageName = plan.AccessPackage, AssignmentPolicyId = plan.PolicyId,
            TargetUserId = plan.UserId, TargetUserPrincipalName = plan.UserPrincipalName, AssignmentId = plan.AssignmentId,
            Justification = plan.Justification, EndDateTime = plan.RequestedEndDate,
        };

        private static async Task CheckApproverJustificationAsync(GraphSession session, AccessPackageAssignmentRequest read, int index, string? justification, CancellationToken cancellation)
        {
            if (!string.IsNullOrWhiteSpace(justification))
            {
                return;
            }

            // An approver without an entitlement role cannot read the policy; Graph then refuses a decision that lacks a required justification.
            var policies = await RequestorView.IfAdministratorAsync(() => AccessPackageDirectory.PoliciesAsync(session, read.AccessPackage!.Id!, cancellation)).ConfigureAwait(false)
                ?? new List<AccessPackageAssignmentPolicy>();
            var policy = AccessPackageDirectory.OwnPolicy(policies) ?? policies.FirstOrDefault();
            var stages = policy?.RequestApprovalSettings?.Stages;
            if (stages != null && index < stages.Count && stages[index].IsApproverJustificationRequired == true)
            {
                throw Errors.AccessPackageSettingInvalid("-Justification", "the package's policy requires the approver's justification at this stage; say why with -Justification. Nothing was sent.").ToException();
            }
        }

        private static async Task<TierAssignmentRequestInfo?> ReadAsync(GraphSession session, Guid requestId, string package, Guid packageId, CancellationToken cancellation)
        {
            var read = await ReadRequestAsync(session, requestId.ToString(), cancellation).ConfigureAwait(false);
            if (read == null)
            {
                return null;
            }

            var info = TierAssignmentService.Describe(read, package, packageId);
            info.UserId = Guid.TryParse(Target(read), out var target) ? target : (Guid?)null;
            info.UserPrincipalName = read.Assignment?.Target?.PrincipalName ?? read.Requestor?.PrincipalName;
            if (read.State == AccessPackageRequestState.PendingApproval)
            {
                await DescribeWaitIfAdministratorAsync(session, read, info, cancellation).ConfigureAwait(false);
            }

            return info;
        }

        private static Task<AccessPackageAssignmentRequest?> ReadRequestAsync(GraphSession session, string id, CancellationToken cancellation) =>
            session.CallOrNotFoundAsync("read assignment request " + id, AccessPackageDirectory.Read,
                c => c.IdentityGovernance.EntitlementManagement.AssignmentRequests[id].GetAsync(r => r.QueryParameters.Expand = new[] { "accessPackage", "requestor", "assignment($expand=target)" }, cancellation), cancellation);

        private static string? Target(AccessPackageAssignmentRequest r) => r.Assignment?.Target?.ObjectId ?? r.Requestor?.ObjectId ?? r.Requestor?.Id;

        private static string Until(AccessPackageAssignment held) =>
            held.Schedule?.Expiration?.EndDateTime is DateTimeOffset end ? " until " + end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
    }
}
