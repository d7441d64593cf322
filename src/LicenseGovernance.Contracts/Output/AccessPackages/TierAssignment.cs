using System;

namespace LicenseGovernance
{
    /// <summary>Who holds which tier through an access package, since and until when, under which policy.</summary>
    public sealed class TierAssignment
    {
        public string? UserPrincipalName { get; set; }
        public Guid UserId { get; set; }
        public string? DisplayName { get; set; }
        public string AccessPackage { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        public string? TierGroup { get; set; }
        public string? Policy { get; set; }
        public Guid? PolicyId { get; set; }
        /// <summary>Graph's state: delivering, delivered, expired, ...</summary>
        public string State { get; set; } = "";
        public DateTimeOffset? Since { get; set; }
        /// <summary>Null when the assignment does not expire.</summary>
        public DateTimeOffset? Until { get; set; }
        public int? DaysLeft { get; set; }
        /// <summary>The accessPackageAssignment's id; Remove-TierAssignment binds it from the pipeline.</summary>
        public Guid AssignmentId { get; set; }
    }

    /// <summary>A request for a tier package and what it waits for.</summary>
    public sealed class TierAssignmentRequestInfo
    {
        public Guid Id { get; set; }
        /// <summary>adminAdd, userAdd, userExtend, adminRemove, ...</summary>
        public string RequestType { get; set; } = "";
        public string State { get; set; } = "";
        public string? Status { get; set; }
        public string? UserPrincipalName { get; set; }
        public Guid? UserId { get; set; }
        public string AccessPackage { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        public string? Justification { get; set; }
        public DateTimeOffset? Created { get; set; }
        public DateTimeOffset? Completed { get; set; }
        /// <summary>For example "1 of 2"; null when no approval is in progress.</summary>
        public string? Stage { get; set; }
        /// <summary>Who can decide the current stage.</summary>
        public string? WaitingFor { get; set; }
    }
}
