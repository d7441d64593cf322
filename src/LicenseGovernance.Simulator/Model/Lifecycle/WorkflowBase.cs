using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>What a workflow and each of its versions hold (Graph's workflowBase).</summary>
    public abstract class WorkflowBase
    {
        /// <summary>joiner, leaver or mover.</summary>
        public string Category { get; set; } = "joiner";

        public string DisplayName { get; set; } = string.Empty;

        public string? Description { get; set; }

        public bool IsEnabled { get; set; } = true;

        public bool IsSchedulingEnabled { get; set; }

        public WorkflowConditions Conditions { get; set; } = new WorkflowConditions();

        public List<SimulatedWorkflowTask> Tasks { get; set; } = new List<SimulatedWorkflowTask>();

        public DateTimeOffset CreatedDateTime { get; set; }

        public DateTimeOffset LastModifiedDateTime { get; set; }
    }
}
