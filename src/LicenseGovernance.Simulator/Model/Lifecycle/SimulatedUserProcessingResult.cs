using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A userProcessingResult: what one run of a workflow did for one user, task by task.</summary>
    public sealed class SimulatedUserProcessingResult : WorkflowProcessing
    {
        public Guid SubjectId { get; set; }

        public int WorkflowVersion { get; set; }

        public List<SimulatedTaskProcessingResult> TaskResults { get; set; } = new List<SimulatedTaskProcessingResult>();

        public override int FailedTasksCount() => TaskResults.Count(t => t.ProcessingStatus == "failed");

        public override int TotalTasksCount() => TaskResults.Count;

        public override int UnprocessedTasksCount() => TaskResults.Count(t => t.ProcessingStatus == "canceled");
    }
}
