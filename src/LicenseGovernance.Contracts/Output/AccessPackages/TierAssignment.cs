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

    /// <summary>What Add- or Remove-TierAssignment would send, resolved before ShouldProcess so -WhatIf names it.</summary>
    public sealed class TierAssignmentPlan
    {
        /// <summary>Add or Remove.</summary>
        public string Action { get; set; } = "Add";
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        public string AccessPackage { get; set; } = "";
        public Guid PolicyId { get; set; }
        public Guid? AssignmentId { get; set; }
        public Guid? GroupId { get; set; }
        /// <summary>When the assignment ends (asked for, or the policy's own end).</summary>
        public DateTimeOffset? EndDate { get; set; }
        /// <summary>The end the administrator asked for, sent in the request; null takes the policy's.</summary>
        public DateTimeOffset? RequestedEndDate { get; set; }
        public string? Justification { get; set; }
        /// <summary>The accessPackageAssignmentRequest body that would be POSTed.</summary>
        public string Body { get; set; } = "";
        /// <summary>What to know before confirming, for example that the user keeps no other licence.</summary>
        public System.Collections.Generic.List<string> Warnings { get; set; } = new System.Collections.Generic.List<string>();

        public string Target => UserPrincipalName + " -> " + AccessPackage;

        public string Describe() => (Action == "Add" ? "Assign" : "Remove assignment") + " (POST /identityGovernance/entitlementManagement/assignmentRequests)\n" + Body;
    }
}
