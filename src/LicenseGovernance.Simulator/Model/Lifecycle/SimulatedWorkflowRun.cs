using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A run: one scheduled or on-demand execution of a workflow for the users it processed.</summary>
    public sealed class SimulatedWorkflowRun
    {
        public Guid Id { get; set; }

        /// <summary>scheduled or onDemand.</summary>
        public string ExecutionType { get; set; } = "scheduled";

        public DateTimeOffset ScheduledDateTime { get; set; }

        public DateTimeOffset StartedDateTime { get; set; }

        public DateTimeOffset CompletedDateTime { get; set; }

        public List<SimulatedUserProcessingResult> UserResults { get; set; } = new List<SimulatedUserProcessingResult>();

        public int FailedUsersCount() => UserResults.Count(u => u.FailedTasksCount() > 0);

        public int FailedTasksCount() => UserResults.Sum(u => u.FailedTasksCount());

        public int TotalTasksCount() => UserResults.Sum(u => u.TaskResults.Count);

        public int UnprocessedTasksCount() => UserResults.Sum(u => u.UnprocessedTasksCount());

        /// <summary>completed, or completedWithErrors when a task failed for any user.</summary>
        public string ProcessingStatus() => FailedTasksCount() > 0 ? "completedWithErrors" : "completed";
    }
}
