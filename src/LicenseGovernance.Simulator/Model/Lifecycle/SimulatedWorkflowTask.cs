using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A task of a workflow: a built-in task definition with its arguments.</summary>
    public sealed class SimulatedWorkflowTask
    {
        public Guid Id { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public string? Description { get; set; }

        /// <summary>The task definition's categories as a flags string, for example "leaver,mover".</summary>
        public string Category { get; set; } = string.Empty;

        public bool ContinueOnError { get; set; }

        public bool IsEnabled { get; set; } = true;

        public int ExecutionSequence { get; set; }

        /// <summary>The definition's id as Graph spells it (one built-in id is upper case).</summary>
        public string TaskDefinitionId { get; set; } = string.Empty;

        public List<TaskArgument> Arguments { get; set; } = new List<TaskArgument>();
    }
}
