using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A lifecycle workflow: its current definition, every version it had, and the runs it made.</summary>
    public sealed class SimulatedWorkflow : WorkflowBase
    {
        public Guid Id { get; set; }

        /// <summary>1 on create; each createNewVersion adds one.</summary>
        public int Version { get; set; } = 1;

        /// <summary>Frozen copies, oldest first; the last is the current version.</summary>
        public List<SimulatedWorkflowVersion> Versions { get; set; } = new List<SimulatedWorkflowVersion>();

        public List<SimulatedWorkflowRun> Runs { get; set; } = new List<SimulatedWorkflowRun>();

        /// <summary>Whether the tenant's schedule runs it: enabled, scheduling enabled, and triggered by something the schedule evaluates.</summary>
        public bool RunsOnSchedule() => IsEnabled && IsSchedulingEnabled && Conditions.IsMembershipChange();
    }
}
