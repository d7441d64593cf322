using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>What Set-TierAccessReviewDecision would send: a reviewer's decision on one user's access.</summary>
    public sealed class TierAccessReviewDecisionPlan : IChangePlan
    {
        public Guid DefinitionId { get; set; }
        public Guid InstanceId { get; set; }
        public Guid DecisionId { get; set; }
        /// <summary>Approve or Deny.</summary>
        public string Decision { get; set; } = "";
        /// <summary>The decision recorded before, when the reviewer changes it.</summary>
        public string? PreviousDecision { get; set; }
        public string? UserPrincipalName { get; set; }
        public string AccessPackage { get; set; } = "";
        public string? Justification { get; set; }
        public string Reviewer { get; set; } = "";
        /// <summary>The simulated user acted as (-As), or null for the signed-in user.</summary>
        public string? As { get; set; }
        public DateTimeOffset? ReviewEndDateTime { get; set; }
        /// <summary>The decision item body that would be PATCHed.</summary>
        public string Body { get; set; } = "";

        string IChangePlan.Target => (UserPrincipalName ?? DecisionId.ToString()) + " -> " + AccessPackage;

        string IChangePlan.Description =>
            Decision + " as " + Reviewer + " (PATCH /identityGovernance/accessReviews/definitions/" + DefinitionId + "/instances/" + InstanceId +
            "/decisions/" + DecisionId + ")\n" + Body;

        IReadOnlyList<string> IChangePlan.Warnings => Decision == "Deny"
            ? new[] { $"A denial takes effect when the review ends{(ReviewEndDateTime is DateTimeOffset end ? " (" + end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ")" : "")}: the assignment is removed and the tier's licence goes." }
            : Array.Empty<string>();

        bool IChangePlan.IsNoChange => false;
    }
}
