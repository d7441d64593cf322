using System;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Access reviews in Graph's v1.0 shapes: accessReviewScheduleDefinition, accessReviewInstance, accessReviewInstanceDecisionItem.</summary>
    internal static class AccessReviewJson
    {
        public static void WriteDefinition(Utf8JsonWriter w, SimulatedAccessReview r, TenantStore store)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id.ToString());
            w.WriteString("displayName", r.DisplayName);
            w.WriteString("createdDateTime", GraphJson.Date(r.CreatedDateTime));
            w.WriteString("status", r.Instances.Any(i => i.Status == "InProgress") ? "InProgress" : "NotStarted");
            WriteScope(w, r);
            w.WriteEndObject();
        }

        public static void WriteInstance(Utf8JsonWriter w, SimulatedAccessReview r, SimulatedReviewInstance i, TenantStore store)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id.ToString());
            w.WriteString("startDateTime", GraphJson.Date(i.StartDateTime));
            w.WriteString("endDateTime", GraphJson.Date(i.EndDateTime));
            w.WriteString("status", i.Status);
            WriteScope(w, r);
            w.WriteStartArray("reviewers");
            foreach (var reviewer in i.Decisions.SelectMany(d => d.Reviewers).Distinct())
            {
                w.WriteStartObject();
                w.WriteString("query", "/users/" + reviewer);
                w.WriteString("queryType", "MicrosoftGraph");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("fallbackReviewers");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        public static void WriteDecision(Utf8JsonWriter w, SimulatedAccessReview r, SimulatedReviewInstance i, SimulatedReviewDecision d, TenantStore store)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id.ToString());
            w.WriteString("accessReviewId", i.Id.ToString());
            w.WriteString("decision", d.Decision);
            w.WriteString("recommendation", d.Recommendation);
            if (d.Justification != null)
            {
                w.WriteString("justification", d.Justification);
            }
            else
            {
                w.WriteNull("justification");
            }

            WriteIdentity(w, "reviewedBy", d.ReviewedBy, store);
            GraphJson.DateOrNull(w, "reviewedDateTime", d.ReviewedDateTime);
            w.WriteString("applyResult", d.ApplyResult);
            GraphJson.DateOrNull(w, "appliedDateTime", d.AppliedDateTime);
            WriteIdentity(w, "principal", d.PrincipalId, store);
            w.WriteString("principalLink", "https://graph.microsoft.com/v1.0/users/" + d.PrincipalId);
            var package = store.Entitlement.AccessPackages.Find(p => p.Id == r.AccessPackageId);
            w.WriteStartObject("resource");
            w.WriteString("@odata.type", "#microsoft.graph.accessReviewInstanceDecisionItemAccessPackageAssignmentPolicyResource");
            w.WriteString("id", r.PolicyId.ToString());
            w.WriteString("displayName", store.Entitlement.Policies.Find(p => p.Id == r.PolicyId)?.DisplayName);
            w.WriteString("type", "accessPackageAssignmentPolicy");
            w.WriteString("accessPackageId", r.AccessPackageId.ToString());
            w.WriteString("accessPackageDisplayName", package?.DisplayName);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>An access package review's scope: the assignments of one package through one policy.</summary>
        private static void WriteScope(Utf8JsonWriter w, SimulatedAccessReview r)
        {
            w.WriteStartObject("scope");
            w.WriteString("@odata.type", "#microsoft.graph.accessReviewQueryScope");
            w.WriteString("query", $"/identityGovernance/entitlementManagement/accessPackageAssignments?$filter=(accessPackageId eq '{r.AccessPackageId}' and assignmentPolicyId eq '{r.PolicyId}')");
            w.WriteString("queryType", "MicrosoftGraph");
            w.WriteEndObject();
        }

        private static void WriteIdentity(Utf8JsonWriter w, string name, Guid? userId, TenantStore store)
        {
            var user = userId == null ? null : store.UserById(userId.Value);
            if (userId == null)
            {
                w.WriteNull(name);
                return;
            }

            w.WriteStartObject(name);
            w.WriteString("@odata.type", "#microsoft.graph.userIdentity");
            w.WriteString("id", userId.Value.ToString());
            w.WriteString("displayName", user?.DisplayName);
            w.WriteString("userPrincipalName", user?.UserPrincipalName);
            w.WriteEndObject();
        }
    }
}
