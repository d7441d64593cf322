using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>An accessPackageAssignmentRequest and, when its policy asks for approval, its approval's stages.</summary>
    public sealed class SimulatedAssignmentRequest
    {
        public Guid Id { get; set; }

        /// <summary>adminAdd, adminRemove, userAdd, userExtend, userUpdate, userRemove.</summary>
        public string RequestType { get; set; } = "adminAdd";

        /// <summary>submitted, pendingApproval, delivering, delivered, denied, canceled, deliveryFailed.</summary>
        public string State { get; set; } = "submitted";

        public string Status { get; set; } = "Accepted";

        public Guid AccessPackageId { get; set; }

        public Guid PolicyId { get; set; }

        public Guid TargetId { get; set; }

        /// <summary>The signed-in user who asked, or null for an application.</summary>
        public Guid? RequestorId { get; set; }

        public Guid? AssignmentId { get; set; }

        public string? Justification { get; set; }

        public DateTimeOffset? ScheduleStart { get; set; }

        /// <summary>The end asked for (custom schedule), or null to take the policy's.</summary>
        public DateTimeOffset? RequestedEnd { get; set; }

        public string? RequestedDuration { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public DateTimeOffset? CompletedDateTime { get; set; }

        public List<SimulatedApprovalStage> ApprovalStages { get; set; } = new List<SimulatedApprovalStage>();
    }

    /// <summary>One stage of a request's approval (approvalStage): who may decide, until when, and what they decided.</summary>
    public sealed class SimulatedApprovalStage
    {
        public Guid Id { get; set; }

        /// <summary>NotStarted, InProgress or Completed.</summary>
        public string Status { get; set; } = "NotStarted";

        /// <summary>NotReviewed, Approve, Deny, or Deny after the stage timed out (reviewedBy empty).</summary>
        public string ReviewResult { get; set; } = "NotReviewed";

        public List<Guid> Approvers { get; set; } = new List<Guid>();

        public DateTimeOffset? StartedDateTime { get; set; }

        /// <summary>When the stage is denied automatically if nobody decided.</summary>
        public DateTimeOffset? DueDateTime { get; set; }

        public DateTimeOffset? ReviewedDateTime { get; set; }

        public Guid? ReviewedBy { get; set; }

        public string? Justification { get; set; }
    }
}
