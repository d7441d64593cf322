using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>
    /// The accessReviewScheduleDefinition an access package policy's reviewSettings create: its scope is the policy's
    /// assignments, and each recurrence is one <see cref="SimulatedReviewInstance"/>.
    /// </summary>
    public sealed class SimulatedAccessReview
    {
        public Guid Id { get; set; }

        public Guid PolicyId { get; set; }

        public Guid AccessPackageId { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public DateTimeOffset CreatedDateTime { get; set; }

        public List<SimulatedReviewInstance> Instances { get; set; } = new List<SimulatedReviewInstance>();
    }

    /// <summary>One run of a review (accessReviewInstance): open from start to end, then its results are applied.</summary>
    public sealed class SimulatedReviewInstance
    {
        public Guid Id { get; set; }

        /// <summary>Which occurrence of the series (0 for the first).</summary>
        public int Occurrence { get; set; }

        public DateTimeOffset StartDateTime { get; set; }

        public DateTimeOffset EndDateTime { get; set; }

        /// <summary>InProgress while open, Completed once its results are applied.</summary>
        public string Status { get; set; } = "InProgress";

        public List<SimulatedReviewDecision> Decisions { get; set; } = new List<SimulatedReviewDecision>();
    }

    /// <summary>One user's access in one instance (accessReviewInstanceDecisionItem).</summary>
    public sealed class SimulatedReviewDecision
    {
        public Guid Id { get; set; }

        public Guid AssignmentId { get; set; }

        public Guid PrincipalId { get; set; }

        /// <summary>The users who may decide it: the resolved primary reviewers, else the fallback reviewers.</summary>
        public List<Guid> Reviewers { get; set; } = new List<Guid>();

        /// <summary>Approve, Deny, DontKnow or NotReviewed.</summary>
        public string Decision { get; set; } = "NotReviewed";

        /// <summary>Approve, Deny or NoInfoAvailable, from the user's last sign-in.</summary>
        public string Recommendation { get; set; } = "NoInfoAvailable";

        public string? Justification { get; set; }

        public Guid? ReviewedBy { get; set; }

        public DateTimeOffset? ReviewedDateTime { get; set; }

        /// <summary>New until the instance ends; then AppliedSuccessfully or AppliedSuccessfullyButObjectNotFound.</summary>
        public string ApplyResult { get; set; } = "New";

        public DateTimeOffset? AppliedDateTime { get; set; }
    }
}
