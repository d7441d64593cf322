using System;
using System.Text.Json;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>One journaled change with its outcome, as read back from the journal file.</summary>
    public sealed class JournalEntry
    {
        public Guid Id { get; internal set; }

        public long Sequence { get; internal set; }

        public DateTimeOffset Time { get; internal set; }

        public string? Operator { get; internal set; }

        public string? TenantId { get; internal set; }

        public string? Command { get; internal set; }

        public string Operation { get; internal set; } = "";

        public string TargetType { get; internal set; } = "";

        public string TargetId { get; internal set; } = "";

        public string? TargetName { get; internal set; }

        public JsonElement? Before { get; internal set; }

        public JsonElement? After { get; internal set; }

        public Guid CorrelationId { get; internal set; }

        public Guid? UndoOf { get; internal set; }

        public Guid? UndoneBy { get; internal set; }

        public LicenseChangeStatus Status { get; internal set; }

        public string? Error { get; internal set; }

        public DateTimeOffset? CompletedAt { get; internal set; }

        /// <summary>The command that found the outcome in the tenant after the run that made the change stopped; null when that run saw it.</summary>
        public string? ReconciledBy { get; internal set; }

        /// <summary>The target's name when known, else its id.</summary>
        public string TargetLabel => string.IsNullOrEmpty(TargetName) ? TargetId : TargetName!;

        internal LicenseChange ToOutput() => new LicenseChange
        {
            Id = Id,
            Sequence = Sequence,
            Time = Time,
            Operator = Operator,
            TenantId = TenantId,
            Command = Command,
            Operation = Operation,
            TargetType = TargetType,
            TargetId = TargetId,
            TargetName = TargetName,
            Before = Before?.GetRawText(),
            After = After?.GetRawText(),
            CorrelationId = CorrelationId,
            Status = Status,
            Error = Error,
            CompletedAt = CompletedAt,
            ReconciledBy = ReconciledBy,
            Reversible = ChangeReversers.Find(Operation) != null,
            UndoOf = UndoOf,
            UndoneBy = UndoneBy,
        };
    }
}
