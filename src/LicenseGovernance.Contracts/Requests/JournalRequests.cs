using System;

namespace LicenseGovernance.Requests
{
    /// <summary>Get-LicenseChangeLog's filters; every one that is set must match.</summary>
    public sealed class GetChangeLogRequest
    {
        public Guid[]? Id { get; set; }
        public DateTimeOffset? Since { get; set; }
        public DateTimeOffset? Until { get; set; }
        /// <summary>Operation names; wildcards allowed (Group.*).</summary>
        public string[]? Operation { get; set; }
        /// <summary>Target id or name; wildcards allowed.</summary>
        public string? Target { get; set; }
        public Guid? CorrelationId { get; set; }
        /// <summary>Only the newest N.</summary>
        public int? Last { get; set; }
        /// <summary>Every tenant in the journal, not only the connected one.</summary>
        public bool AllTenants { get; set; }
    }

    /// <summary>Which Unknown changes Update-LicenseChangeLog reconciles: by id, every one since a time, of one run, or (none set) all of the connected tenant.</summary>
    public sealed class UpdateChangeLogRequest
    {
        public Guid[]? Id { get; set; }
        public DateTimeOffset? Since { get; set; }
        public Guid? CorrelationId { get; set; }
    }

    /// <summary>Which changes Undo-LicenseChange reverses: by id, or every change since a time (or of one run).</summary>
    public sealed class UndoChangeRequest
    {
        public Guid[]? Id { get; set; }
        public DateTimeOffset? Since { get; set; }
        public Guid? CorrelationId { get; set; }
        /// <summary>Reverse even when the target has changed since (the tenant no longer shows the change's after-state).</summary>
        public bool Force { get; set; }
    }
}
