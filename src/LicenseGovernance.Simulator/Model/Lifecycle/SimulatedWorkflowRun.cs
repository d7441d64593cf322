using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A run: one scheduled or on-demand execution of a workflow for the users it processed.</summary>
    public sealed class SimulatedWorkflowRun : WorkflowProcessing
    {
        public List<SimulatedUserProcessingResult> UserResults { get; set; } = new List<SimulatedUserProcessingResult>();

        public int FailedUsersCount() => UserResults.Count(u => u.FailedTasksCount() > 0);

        public override int FailedTasksCount() => UserResults.Sum(u => u.FailedTasksCount());

        public override int TotalTasksCount() => UserResults.Sum(u => u.TotalTasksCount());

        public override int UnprocessedTasksCount() => UserResults.Sum(u => u.UnprocessedTasksCount());
    }
}
