using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>One source (direct, or one group) of one SKU on one user.</summary>
    public sealed class LicenseAssignmentState
    {
        public Guid SkuId { get; set; }

        /// <summary>Null when assigned directly.</summary>
        public Guid? AssignedByGroup { get; set; }

        /// <summary>Active, ActiveWithError, Disabled or Error.</summary>
        public string State { get; set; } = "Active";

        /// <summary>CountViolation, MutuallyExclusiveViolation, DependencyViolation, ProhibitedInUsageLocationViolation, UniquenessViolation, Other, or null.</summary>
        public string? Error { get; set; }

        public List<Guid> DisabledPlans { get; set; } = new List<Guid>();

        public DateTimeOffset LastUpdatedDateTime { get; set; }

        /// <summary>Whether this source makes the user hold (and consume a seat of) the SKU.</summary>
        public bool HoldsSeat => State == "Active" || State == "ActiveWithError";
    }
}
