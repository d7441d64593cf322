using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>The tenant's lifecycle workflows state, as snapshots store it.</summary>
    public sealed class LifecycleState
    {
        public const int DefaultScheduleIntervalInHours = 3;

        public List<SimulatedWorkflow> Workflows { get; set; } = new List<SimulatedWorkflow>();

        /// <summary>lifecycleManagementSettings.workflowScheduleIntervalInHours: 1 to 24, default 3.</summary>
        public int WorkflowScheduleIntervalInHours { get; set; } = DefaultScheduleIntervalInHours;

        public string? EmailSenderDomain { get; set; }

        public bool EmailUseCompanyBranding { get; set; }

        /// <summary>The last scheduled evaluation, or when scheduling started; null while nothing runs on schedule.</summary>
        public DateTimeOffset? LastScheduledRun { get; set; }

        /// <summary>Changes to watched groups since the last scheduled evaluation, oldest first.</summary>
        public List<MembershipChange> MembershipChanges { get; set; } = new List<MembershipChange>();

        public long LastChangeSequence { get; set; }
    }
}
