using System;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A taskProcessingResult: one task of one run for one user.</summary>
    public sealed class SimulatedTaskProcessingResult
    {
        public Guid Id { get; set; }

        public Guid TaskId { get; set; }

        public Guid SubjectId { get; set; }

        /// <summary>completed, failed, or canceled when an earlier task failed without continueOnError.</summary>
        public string ProcessingStatus { get; set; } = "completed";

        /// <summary>Why the task failed; for a task the simulated tenant does not model, says so.</summary>
        public string? FailureReason { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public DateTimeOffset StartedDateTime { get; set; }

        public DateTimeOffset CompletedDateTime { get; set; }
    }
}
