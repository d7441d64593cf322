using System;

namespace LicenseGovernance
{
    /// <summary>
    /// A period in which a simulated user who had held a licence in scope held none: from the change that left the user
    /// without to the change that gave one back. Each change counts whole: one assignLicense that adds one SKU and removes
    /// another is no gap, while a loss and a gain in two changes at the same instant is a gap of zero seconds: still a gap.
    /// </summary>
    public sealed class LicenseSimulatorTimelineGap
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        /// <summary>A SKU part number, "Any licence" or "Exchange mailbox licence".</summary>
        public string Scope { get; set; } = "";
        public LicenseGapScope ScopeKind { get; set; }
        public DateTimeOffset Start { get; set; }
        /// <summary>Null while the user is still without.</summary>
        public DateTimeOffset? End { get; set; }
        /// <summary>Up to the end, or up to now on the simulated clock while still without.</summary>
        public TimeSpan Duration { get; set; }
        public double Seconds { get; set; }
    }
}
