using System;

namespace LicenseGovernance
{
    /// <summary>What Update-LicenseChangeLog found for one change whose outcome was Unknown.</summary>
    public sealed class LicenseChangeReconcileResult
    {
        public Guid ChangeId { get; set; }
        public DateTimeOffset Time { get; set; }
        public string Operation { get; set; } = "";
        public string? Target { get; set; }
        /// <summary>Succeeded when the tenant shows the state after the change, Failed when it shows the state before, else still Unknown.</summary>
        public LicenseChangeStatus Status { get; set; }
        /// <summary>What the tenant showed, or why the outcome is still unknown.</summary>
        public string? Detail { get; set; }
        /// <summary>Whether the outcome was written to the journal.</summary>
        public bool Recorded { get; set; }
    }
}
