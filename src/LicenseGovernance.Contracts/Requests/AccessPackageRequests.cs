using System;

namespace LicenseGovernance.Requests
{
    /// <summary>New-TierAccessPackage and New-LicenseExceptionPackage: the desired access package of one tier and its policy.</summary>
    public sealed class TierAccessPackageRequest
    {
        public const string DefaultCatalog = "License tiers";
        /// <summary>The longest Entra waits for an approver's decision.</summary>
        public const int MaxApprovalTimeoutDays = 14;
        public const int MaxExpirationDays = 3650;
        public const int DefaultReviewDurationDays = 14;

        /// <summary>The tier group (name or id).</summary>
        public string TierGroup { get; set; } = "";
        public string Catalog { get; set; } = DefaultCatalog;
        /// <summary>The package's display name; null for the tier group's name (with " exception" for an exception package).</summary>
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>The stricter exception package of document 000.</summary>
        public bool Exception { get; set; }
        /// <summary>Groups whose members may request; null or empty for all member users.</summary>
        public string[]? RequestorGroup { get; set; }
        /// <summary>Let guests request too (all directory users); off by default.</summary>
        public bool IncludeGuests { get; set; }
        /// <summary>None, Manager or ManagerThenApprover; null for the default (Manager, or ManagerThenApprover for an exception).</summary>
        public string? Approval { get; set; }
        /// <summary>Second-stage approvers (users or groups).</summary>
        public string[]? Approver { get; set; }
        /// <summary>Who decides when the requestor has no manager.</summary>
        public string[]? FallbackApprover { get; set; }
        public int ApprovalTimeoutDays { get; set; } = 14;
        public bool RequestorJustificationRequired { get; set; } = true;
        public bool ApproverJustificationRequired { get; set; } = true;
        public bool AllowWithoutApproval { get; set; }
        /// <summary>Null for the default: 365 days, or 30 for an exception package.</summary>
        public int? ExpirationDays { get; set; }
        public DateTimeOffset? ExpirationDate { get; set; }
        public bool NoExpiration { get; set; }
        public bool AllowNoExpiration { get; set; }
        public bool AllowCustomEndDate { get; set; }
        public bool AllowExtension { get; set; }
        /// <summary>Extensions granted without approval (refused for exception packages).</summary>
        public bool ExtensionWithoutApproval { get; set; }
        /// <summary>None, Annual, SemiAnnual, Quarterly, Monthly or Weekly.</summary>
        public string AccessReview { get; set; } = "None";
        /// <summary>Manager, Self, or users and groups.</summary>
        public string[]? Reviewer { get; set; }
        /// <summary>Users or groups who review when the primary reviewers resolve to nobody (a user without a manager).</summary>
        public string[]? FallbackReviewer { get; set; }
        /// <summary>When the first review starts; null for now.</summary>
        public DateTimeOffset? ReviewStartDate { get; set; }
        /// <summary>Days each review stays open for decisions.</summary>
        public int ReviewDurationDays { get; set; } = DefaultReviewDurationDays;
        /// <summary>What happens to an assignment nobody decided: KeepAccess, RemoveAccess or AcceptRecommendation.</summary>
        public string ReviewNoResponse { get; set; } = "KeepAccess";
        public bool SelfService { get; set; } = true;
    }

    /// <summary>Remove-TierAccessPackage: a tier's package taken down (document 002 step 7).</summary>
    public sealed class RemoveTierAccessPackageRequest
    {
        public const int DefaultWaitTimeoutSeconds = 900;

        /// <summary>The tier group (name or id), or the package itself (name or id).</summary>
        public string Tier { get; set; } = "";
        /// <summary>The tier's exception package rather than its regular one.</summary>
        public bool Exception { get; set; }
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        /// <summary>End the live assignments first, each holder moved in the safe order; without it a package that has any is refused.</summary>
        public bool Force { get; set; }
        /// <summary>How long each wait (Entra applying a tier, entitlement management ending the assignments) lasts at most.</summary>
        public int WaitTimeoutSeconds { get; set; } = DefaultWaitTimeoutSeconds;
    }

    public sealed class GetTierAccessPackageRequest
    {
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        /// <summary>Package or tier group names (wildcards allowed); null for all.</summary>
        public string[]? Tier { get; set; }
    }

    /// <summary>Add-TierAssignment: an administrator's direct assignment, which still expires as the policy says.</summary>
    public sealed class AddTierAssignmentRequest
    {
        public string User { get; set; } = "";
        /// <summary>The access package's or the tier group's name (or the package id).</summary>
        public string Tier { get; set; } = "";
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        public DateTimeOffset? EndDate { get; set; }
        public int? Days { get; set; }
        public string? Justification { get; set; }
    }

    public sealed class RemoveTierAssignmentRequest
    {
        public string? User { get; set; }
        public string? Tier { get; set; }
        /// <summary>An assignment id (from Get-TierAssignment) instead of User and Tier.</summary>
        public string? AssignmentId { get; set; }
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        public string? Justification { get; set; }
    }

    public sealed class GetTierAssignmentRequest
    {
        public string? User { get; set; }
        public string? Tier { get; set; }
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        /// <summary>Only assignments that end within this many days.</summary>
        public int? ExpiringWithinDays { get; set; }
    }

    public sealed class GetTierAssignmentRequestQuery
    {
        /// <summary>Pending (awaiting approval), Delivered, Denied, Canceled, or null for all.</summary>
        public string? State { get; set; }
        public string? User { get; set; }
        public string? Tier { get; set; }
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
    }

    /// <summary>Request-TierAssignment: the signed-in user's own request for a tier package (userAdd), or for more time on it (userExtend).</summary>
    public sealed class RequestTierAssignmentRequest
    {
        /// <summary>The access package's or the tier group's name (or the package id).</summary>
        public string Tier { get; set; } = "";
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        public string? Justification { get; set; }
        public DateTimeOffset? EndDate { get; set; }
        public int? Days { get; set; }
        /// <summary>Extend the user's live assignment of the package rather than ask for a new one.</summary>
        public bool Extend { get; set; }
        /// <summary>On the simulated tenant only: the user to act as (principal name or id); null for the signed-in user.</summary>
        public string? As { get; set; }
    }

    /// <summary>Approve- or Deny-TierAssignmentRequest: the signed-in approver's decision on a request's current stage.</summary>
    public sealed class TierRequestDecisionRequest
    {
        public Guid RequestId { get; set; }
        public bool Approve { get; set; }
        public string? Justification { get; set; }
        /// <summary>On the simulated tenant only: the user to act as (principal name or id); null for the signed-in user.</summary>
        public string? As { get; set; }
    }
}

namespace LicenseGovernance.Requests
{
    /// <summary>Get-TierAccessReview: the review instances of the tier packages, or their decisions.</summary>
    public sealed class GetTierAccessReviewRequest
    {
        /// <summary>Package or tier group names (wildcards allowed); null for all.</summary>
        public string[]? Tier { get; set; }
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;
        /// <summary>Only this review instance.</summary>
        public System.Guid? InstanceId { get; set; }
        /// <summary>The decisions of the instances rather than the instances.</summary>
        public bool Decisions { get; set; }
        /// <summary>Only what the signed-in user reviews (Graph's filterByCurrentUser(on='reviewer') views).</summary>
        public bool AssignedToMe { get; set; }
        /// <summary>On the simulated tenant only: the reviewer to act as; implies <see cref="AssignedToMe"/>.</summary>
        public string? As { get; set; }
    }

    /// <summary>Set-TierAccessReviewDecision: the signed-in reviewer's decision on one user's access.</summary>
    public sealed class TierAccessReviewDecisionRequest
    {
        public System.Guid DefinitionId { get; set; }
        public System.Guid InstanceId { get; set; }
        public System.Guid DecisionId { get; set; }
        /// <summary>Approve or Deny.</summary>
        public string Decision { get; set; } = "";
        public string? Justification { get; set; }
        /// <summary>On the simulated tenant only: the reviewer to act as; null for the signed-in user.</summary>
        public string? As { get; set; }
    }
}
