using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Access-package assignments as journaled changes, so Undo-LicenseChange can reverse them: an added assignment is
    /// removed again (adminRemove), a removed one is requested again (adminAdd) under the same policy and end date.
    /// </summary>
    public static class AccessPackageChangeIntents
    {
        public const string AddAssignment = "AccessPackage.AddAssignment";
        public const string RemoveAssignment = "AccessPackage.RemoveAssignment";

        /// <summary>A user's own request (userAdd, userExtend): on the record, not reversed by Undo (the approvers decide it).</summary>
        public const string RequestAssignment = "AccessPackage.RequestAssignment";

        /// <summary>An approver's decision on a request's stage: on the record; a decision cannot be taken back in Graph.</summary>
        public const string DecideRequest = "AccessPackage.DecideRequest";

        public static ChangeIntent Add(AccessPackageAssignmentChange change) => Intent(AddAssignment, change, assigned: true);

        public static ChangeIntent Remove(AccessPackageAssignmentChange change) => Intent(RemoveAssignment, change, assigned: false);

        public static ChangeIntent Request(AccessPackageAssignmentChange change, string requestType) =>
            new ChangeIntent(RequestAssignment, "user", change.TargetUserId.ToString(), (change.TargetUserPrincipalName ?? change.TargetUserId.ToString()) + " -> " + change.AccessPackageName,
                null, Tagged(change.ToJson(assigned: false), "requestType", requestType));

        public static ChangeIntent Decide(Guid requestId, string? target, Guid stageId, string decision, string? justification) =>
            new ChangeIntent(DecideRequest, "accessPackageAssignmentRequest", requestId.ToString(), target, null, new JsonObject
            {
                ["stageId"] = stageId.ToString(),
                ["reviewResult"] = decision,
                ["justification"] = justification,
            });

        private static JsonObject Tagged(JsonObject json, string name, string value)
        {
            json[name] = value;
            return json;
        }

        private static ChangeIntent Intent(string operation, AccessPackageAssignmentChange change, bool assigned) =>
            new ChangeIntent(operation, "user", change.TargetUserId.ToString(), (change.TargetUserPrincipalName ?? change.TargetUserId.ToString()) + " -> " + change.AccessPackageName,
                change.ToJson(!assigned), change.ToJson(assigned));
    }

    /// <summary>The payload of an access-package assignment change: which package, policy, user and assignment, until when, and why.</summary>
    public sealed class AccessPackageAssignmentChange
    {
        public Guid AccessPackageId { get; set; }
        public string? AccessPackageName { get; set; }
        public Guid AssignmentPolicyId { get; set; }
        public Guid TargetUserId { get; set; }
        public string? TargetUserPrincipalName { get; set; }
        /// <summary>Null for an add (the assignment does not exist yet when the change is journaled).</summary>
        public Guid? AssignmentId { get; set; }
        public DateTimeOffset? EndDateTime { get; set; }
        public string? Justification { get; set; }

        internal JsonObject ToJson(bool assigned) => new JsonObject
        {
            ["assigned"] = assigned,
            ["accessPackageId"] = AccessPackageId.ToString(),
            ["accessPackageName"] = AccessPackageName,
            ["assignmentPolicyId"] = AssignmentPolicyId.ToString(),
            ["targetUserId"] = TargetUserId.ToString(),
            ["targetUserPrincipalName"] = TargetUserPrincipalName,
            ["assignmentId"] = AssignmentId?.ToString(),
            ["endDateTime"] = EndDateTime?.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
            ["justification"] = Justification,
        };

        internal static AccessPackageAssignmentChange? From(JsonElement? json)
        {
            if (json == null || json.Value.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var e = json.Value;
            string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (!Guid.TryParse(S("accessPackageId"), out var package) || !Guid.TryParse(S("assignmentPolicyId"), out var policy) || !Guid.TryParse(S("targetUserId"), out var user))
            {
                return null;
            }

            return new AccessPackageAssignmentChange
            {
                AccessPackageId = package,
                AccessPackageName = S("accessPackageName"),
                AssignmentPolicyId = policy,
                TargetUserId = user,
                TargetUserPrincipalName = S("targetUserPrincipalName"),
                AssignmentId = Guid.TryParse(S("assignmentId"), out var a) ? a : (Guid?)null,
                EndDateTime = DateTimeOffset.TryParse(S("endDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) ? end : (DateTimeOffset?)null,
                Justification = S("justification"),
            };
        }
    }
}
