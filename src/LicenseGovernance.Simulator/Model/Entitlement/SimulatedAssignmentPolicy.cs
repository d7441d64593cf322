using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>An accessPackageAssignmentPolicy, held in the typed shape the tenant's rules read; served back in Graph's shape.</summary>
    public sealed class SimulatedAssignmentPolicy
    {
        public Guid Id { get; set; }

        public Guid AccessPackageId { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public string? Description { get; set; }

        public string AllowedTargetScope { get; set; } = "notSpecified";

        public List<SimulatedSubjectSet> SpecificAllowedTargets { get; set; } = new List<SimulatedSubjectSet>();

        /// <summary>noExpiration, afterDateTime or afterDuration.</summary>
        public string ExpirationType { get; set; } = "noExpiration";

        /// <summary>ISO 8601 duration, with afterDuration.</summary>
        public string? ExpirationDuration { get; set; }

        public DateTimeOffset? ExpirationEndDateTime { get; set; }

        public bool EnableTargetsToSelfAddAccess { get; set; }

        public bool EnableTargetsToSelfUpdateAccess { get; set; }

        public bool EnableTargetsToSelfRemoveAccess { get; set; }

        public bool AllowCustomAssignmentSchedule { get; set; }

        public bool IsApprovalRequiredForAdd { get; set; }

        public bool IsApprovalRequiredForUpdate { get; set; }

        public bool IsRequestorJustificationRequired { get; set; }

        public List<SimulatedApprovalStageSettings> Stages { get; set; } = new List<SimulatedApprovalStageSettings>();

        /// <summary>The reviewSettings object as sent (validated), or null when the policy has none.</summary>
        public string? ReviewSettingsJson { get; set; }

        /// <summary>The enabled reviewSettings, typed for the review runner; null when reviews are off.</summary>
        public SimulatedReviewSettings? Review { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public DateTimeOffset ModifiedDateTime { get; set; }
    }

    /// <summary>One approval stage of a policy (accessPackageApprovalStage).</summary>
    public sealed class SimulatedApprovalStageSettings
    {
        /// <summary>ISO 8601 duration, for example P14D.</summary>
        public string DurationBeforeAutomaticDenial { get; set; } = "P14D";

        public bool IsApproverJustificationRequired { get; set; }

        public bool IsEscalationEnabled { get; set; }

        public List<SimulatedSubjectSet> PrimaryApprovers { get; set; } = new List<SimulatedSubjectSet>();

        public List<SimulatedSubjectSet> FallbackPrimaryApprovers { get; set; } = new List<SimulatedSubjectSet>();
    }
}
