using System;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>What a run and a userProcessingResult both report: how the workflow was started and when it ran.</summary>
    public abstract class WorkflowProcessing
    {
        public Guid Id { get; set; }

        /// <summary>scheduled or onDemand.</summary>
        public string ExecutionType { get; set; } = "scheduled";

        public DateTimeOffset ScheduledDateTime { get; set; }

        public DateTimeOffset StartedDateTime { get; set; }

        public DateTimeOffset CompletedDateTime { get; set; }

        /// <summary>completed, or completedWithErrors when a task failed (Graph's own example shows that status for one failed task of one).</summary>
        public string ProcessingStatus() => FailedTasksCount() > 0 ? "completedWithErrors" : "completed";

        public abstract int FailedTasksCount();

        public abstract int TotalTasksCount();

        public abstract int UnprocessedTasksCount();
    }
}
