using System;

namespace LicenseGovernance
{
    /// <summary>Where a journaled change stands: recorded before the tenant was touched, then its outcome.</summary>
    public enum LicenseChangeStatus
    {
        /// <summary>Recorded, with no outcome written: the process stopped mid-change, or the outcome could not be written. The change may or may not have happened.</summary>
        Unknown,
        Succeeded,
        Failed,
    }

    /// <summary>One change the module made (or set out to make) to a tenant, as Get-LicenseChangeLog shows it.</summary>
    public sealed class LicenseChange
    {
        public Guid Id { get; set; }
        /// <summary>Order of recording in the journal file, 1-based.</summary>
        public long Sequence { get; set; }
        public DateTimeOffset Time { get; set; }
        public string? Operator { get; set; }
        public string? TenantId { get; set; }
        /// <summary>The cmdlet that made the change.</summary>
        public string? Command { get; set; }
        /// <summary>For example User.AssignLicense, Group.AddMember, Group.RemoveMember.</summary>
        public string Operation { get; set; } = "";
        public string TargetType { get; set; } = "";
        public string TargetId { get; set; } = "";
        public string? TargetName { get; set; }
        /// <summary>The state before the change, as JSON.</summary>
        public string? Before { get; set; }
        /// <summary>The intended state after the change, as JSON.</summary>
        public string? After { get; set; }
        /// <summary>Shared by every change of one command run.</summary>
        public Guid CorrelationId { get; set; }
        public LicenseChangeStatus Status { get; set; }
        public string? Error { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        /// <summary>
        /// Set when the run that made the change stopped before it saw the outcome, and a later command (a re-run, or
        /// Update-LicenseChangeLog) read it from the tenant: the command that recorded it.
        /// </summary>
        public string? ReconciledBy { get; set; }
        /// <summary>Whether Undo-LicenseChange knows how to reverse this operation.</summary>
        public bool Reversible { get; set; }
        /// <summary>Set on a change that reversed another.</summary>
        public Guid? UndoOf { get; set; }
        /// <summary>The change that reversed this one, once Undo-LicenseChange has done it.</summary>
        public Guid? UndoneBy { get; set; }
    }

    public enum LicenseChangeUndoStatus
    {
        Undone,
        /// <summary>The tenant already shows the state before the change; nothing was written.</summary>
        AlreadyUndone,
        Skipped,
        Failed,
    }

    /// <summary>What Undo-LicenseChange did with one journaled change.</summary>
    public sealed class LicenseChangeUndoResult
    {
        public Guid ChangeId { get; set; }
        public string Operation { get; set; } = "";
        public string? Target { get; set; }
        public LicenseChangeUndoStatus Status { get; set; }
        public string? Detail { get; set; }
        /// <summary>The journal entry that records the reversal, when one was written.</summary>
        public Guid? UndoChangeId { get; set; }
    }
}
