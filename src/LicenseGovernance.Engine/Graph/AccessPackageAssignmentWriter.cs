using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// The access package assignment writes (adminAdd, adminRemove; a user's userAdd and userExtend; an approver's decision) and their bodies. Every caller journals them first
    /// through <see cref="AddAsync"/> or <see cref="RemoveAsync"/>, and they go out through <see cref="WriteRetryPolicy"/>;
    /// the Send methods are the bare calls, for Undo, which journals its reversal itself.
    /// </summary>
    internal static class AccessPackageAssignmentWriter
    {
        public const string CancelRequestOperation = "AccessPackage.CancelRequest";

        /// <summary>Graph's answer to cancelling a request that was decided meanwhile.</summary>
        private const string NoLongerCancellable = "can no longer be canceled";

        public static Task<AccessPackageAssignmentRequest> AddAsync(GraphSession session, JournalScope journal, AccessPackageAssignmentChange change, CancellationToken cancellation) =>
            journal.RunAsync(AccessPackageChangeIntents.Add(change), () => SendAddAsync(session, change, cancellation), cancellation);

        public static Task<AccessPackageAssignmentRequest> RemoveAsync(GraphSession session, JournalScope journal, AccessPackageAssignmentChange change, CancellationToken cancellation) =>
            journal.RunAsync(AccessPackageChangeIntents.Remove(change), () => SendRemoveAsync(session, change.AssignmentId!.Value, change.Justification, cancellation), cancellation);

        /// <summary>
        /// Like <see cref="RemoveAsync"/>, for callers that need the assignment to end and not the request: Graph's refusal
        /// because it is already ending or has ended (another run, an administrator or its end date got there first; the
        /// answers say "already being removed", "already been removed or has expired") is <see cref="WriteOutcome.AlreadyDone"/>.
        /// </summary>
        public static Task<WriteOutcome> EndAsync(GraphSession session, JournalScope journal, AccessPackageAssignmentChange change, CancellationToken cancellation) =>
            journal.RunAsync(AccessPackageChangeIntents.Remove(change), () => WriteRetryPolicy.CallAsync(session, RemoveOperation(change.AssignmentId!.Value), AccessPackageDirectory.Manage, AlreadyEnding,
                (c, configure) => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.PostAsync(RemoveBody(change.AssignmentId!.Value, change.Justification), configure, cancellation), cancellation), cancellation);

        public static async Task<AccessPackageAssignmentRequest> SendAddAsync(GraphSession session, AccessPackageAssignmentChange change, CancellationToken cancellation) =>
            (await WriteRetryPolicy.CallAsync(session, "assign " + change.AccessPackageName + " to " + change.TargetUserPrincipalName, AccessPackageDirectory.Manage,
                (c, configure) => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.PostAsync(AddBody(change, session.Now), configure, cancellation), cancellation).ConfigureAwait(false))!;

        public static async Task<AccessPackageAssignmentRequest> SendRemoveAsync(GraphSession session, Guid assignmentId, string? justification, CancellationToken cancellation) =>
            (await WriteRetryPolicy.CallAsync(session, RemoveOperation(assignmentId), AccessPackageDirectory.Manage,
                (c, configure) => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.PostAsync(RemoveBody(assignmentId, justification), configure, cancellation), cancellation).ConfigureAwait(false))!;

        /// <summary>
        /// Cancels a request still waiting for approval, journaled first (not reversible: a cancelled request cannot be
        /// reopened). Graph's refusal because it is no longer pending is <see cref="WriteOutcome.AlreadyDone"/>.
        /// </summary>
        public static Task<WriteOutcome> CancelRequestAsync(GraphSession session, JournalScope journal, Guid requestId, Guid targetUserId, string? target, string? accessPackageName, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.Other(CancelRequestOperation, "accessPackageAssignmentRequest", requestId.ToString(), target,
                    new { state = "pendingApproval", targetUserId, accessPackage = accessPackageName }, new { state = "canceled" }),
                () => WriteRetryPolicy.CallAsync(session, "cancel request " + requestId, AccessPackageDirectory.Manage, NoLongerCancellable,
                    (c, configure) => c.IdentityGovernance.EntitlementManagement.AssignmentRequests[requestId.ToString()].Cancel.PostAsync(configure, cancellation), cancellation),
                cancellation);

        /// <summary>A signed-in user's own request (userAdd, userExtend), journaled first; sent as that user's session.</summary>
        public static Task<AccessPackageAssignmentRequest> RequestAsync(GraphSession session, JournalScope journal, AccessPackageAssignmentChange change, string requestType, CancellationToken cancellation) =>
            journal.RunAsync(AccessPackageChangeIntents.Request(change, requestType), async () =>
                (await WriteRetryPolicy.CallAsync(session, requestType + " " + change.AccessPackageName + " for " + change.TargetUserPrincipalName, AccessPackageDirectory.Manage,
                    (c, configure) => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.PostAsync(UserBody(change, requestType, session.Now), configure, cancellation), cancellation).ConfigureAwait(false))!,
                cancellation);

        /// <summary>An approver's decision on one stage of a request's approval (PATCH approvalStage), journaled first.</summary>
        public static Task DecideAsync(GraphSession session, JournalScope journal, Guid requestId, string? target, Guid stageId, string decision, string? justification, CancellationToken cancellation) =>
            journal.RunAsync(AccessPackageChangeIntents.Decide(requestId, target, stageId, decision, justification), () =>
                WriteRetryPolicy.CallAsync(session, decision + " request " + requestId, AccessPackageDirectory.Manage,
                    (c, configure) => c.IdentityGovernance.EntitlementManagement.AccessPackageAssignmentApprovals[requestId.ToString()].Stages[stageId.ToString()]
                        .PatchAsync(DecisionBody(decision, justification), configure, cancellation), cancellation),
                cancellation);

        /// <summary>
        /// As My Access sends it: userAdd names the package and policy (the target is the signed-in user); userExtend names the
        /// assignment. The v1.0 SDK's enum has no userExtend, so the type travels as additional data in the casing the v1.0
        /// resource documents for the others (camelCase), which Graph reads without regard to case.
        /// </summary>
        public static AccessPackageAssignmentRequest UserBody(AccessPackageAssignmentChange change, string requestType, DateTimeOffset now)
        {
            var extend = requestType == "userExtend";
            var body = new AccessPackageAssignmentRequest
            {
                RequestType = extend ? (AccessPackageRequestType?)null : AccessPackageRequestType.UserAdd,
                Assignment = extend ? new AccessPackageAssignment { Id = change.AssignmentId!.Value.ToString() } : NewAssignment(change),
                Schedule = ScheduleOf(change, now),
                Justification = change.Justification,
            };
            if (extend)
            {
                body.AdditionalData["requestType"] = requestType;
            }

            return body;
        }

        public static ApprovalStage DecisionBody(string decision, string? justification) => new ApprovalStage { ReviewResult = decision, Justification = justification };

        private const string AlreadyEnding = "already";

        private static string RemoveOperation(Guid assignmentId) => "remove access package assignment " + assignmentId;

        /// <summary>
        /// targetId, assignmentPolicyId and accessPackageId are not v1.0 properties of accessPackageAssignment, so they travel
        /// as additional data, which the service reads (graph-contract 5.2).
        /// </summary>
        public static AccessPackageAssignmentRequest AddBody(AccessPackageAssignmentChange change, DateTimeOffset now) => new AccessPackageAssignmentRequest
        {
            RequestType = AccessPackageRequestType.AdminAdd,
            Assignment = NewAssignment(change),
            Schedule = ScheduleOf(change, now),
            Justification = change.Justification,
        };

        /// <summary>The assignment an add asks for: who, which package, under which policy.</summary>
        private static AccessPackageAssignment NewAssignment(AccessPackageAssignmentChange change) => new AccessPackageAssignment
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["targetId"] = change.TargetUserId.ToString(),
                ["assignmentPolicyId"] = change.AssignmentPolicyId.ToString(),
                ["accessPackageId"] = change.AccessPackageId.ToString(),
            },
        };

        /// <summary>From now until the end asked for; none when none was asked, so the policy's end applies.</summary>
        private static EntitlementManagementSchedule? ScheduleOf(AccessPackageAssignmentChange change, DateTimeOffset now) => change.EndDateTime == null ? null : new EntitlementManagementSchedule
        {
            StartDateTime = now,
            Expiration = new ExpirationPattern { Type = ExpirationPatternType.AfterDateTime, EndDateTime = change.EndDateTime },
        };

        public static AccessPackageAssignmentRequest RemoveBody(Guid assignmentId, string? justification) => new AccessPackageAssignmentRequest
        {
            RequestType = AccessPackageRequestType.AdminRemove,
            Assignment = new AccessPackageAssignment { Id = assignmentId.ToString() },
            Justification = justification,
        };

        /// <summary>The JSON the SDK would send, for -WhatIf.</summary>
        public static string Json(IParsable body) =>
            KiotaJsonSerializer.SerializeAsStringAsync(body, false, CancellationToken.None).GetAwaiter().GetResult();
    }
}
