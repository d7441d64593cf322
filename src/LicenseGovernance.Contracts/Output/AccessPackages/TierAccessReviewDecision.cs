using System;

namespace LicenseGovernance
{
    /// <summary>One user's access in one review instance: the decision, who made it and why, and what was applied at the end.</summary>
    public sealed class TierAccessReviewDecision
    {
        public string AccessPackage { get; set; } = "";
        public Guid DefinitionId { get; set; }
        public Guid InstanceId { get; set; }
        /// <summary>The decision item's id.</summary>
        public Guid DecisionId { get; set; }
        public Guid? UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        /// <summary>Approve, Deny, DontKnow or NotReviewed.</summary>
        public string Decision { get; set; } = "";
        /// <summary>Graph's recommendation for the reviewer (Approve, Deny, or NoInfoAvailable).</summary>
        public string? Recommendation { get; set; }
        public string? ReviewedBy { get; set; }
        public DateTimeOffset? ReviewedDateTime { get; set; }
        public string? Justification { get; set; }
        /// <summary>What the review's end did: New (not applied yet), AppliedSuccessfully, AppliedSuccessfullyButObjectNotFound, ...</summary>
        public string? ApplyResult { get; set; }
        public DateTimeOffset? AppliedDateTime { get; set; }
        /// <summary>When the instance ends and its results are applied.</summary>
        public DateTimeOffset? ReviewEndDateTime { get; set; }
    }
}
