using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A userProcessingResult: what one run of a workflow did for one user, task by task.</summary>
    public sealed class SimulatedUserProcessingResult
    {
        public Guid Id { get; set; }

        public Guid SubjectId { get; set; }

        public int WorkflowVersion { get; set; }

        /// <summary>scheduled or onDemand.</summary>
        public string ExecutionType { get; set; } = "scheduled";

        public DateTimeOffset ScheduledDateTime { get; set; }

        public DateTimeOffset StartedDateTime { get; set; }

        public DateTimeOffset CompletedDateTime { get; set; }

        public List<SimulatedTaskProcessingResult> TaskResults { get; set; } = new List<SimulatedTaskProcessingResult>();

        public int FailedTasksCount() => TaskResults.Count(t => t.ProcessingStatus == "failed");

        public int UnprocessedTasksCount() => TaskResults.Count(t => t.ProcessingStatus == "canceled");

        /// <summary>completed, or completedWithErrors when a task failed (Graph's own example shows that status for one failed task of one).</summary>
        public string ProcessingStatus() => FailedTasksCount() > 0 ? "completedWithErrors" : "completed";
    }
}
