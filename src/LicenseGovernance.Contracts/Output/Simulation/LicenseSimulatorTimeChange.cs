using System;

namespace LicenseGovernance
{
    /// <summary>What Set-LicenseSimulatorTime did: the clock's new time and the background work that ran while it moved.</summary>
    public sealed class LicenseSimulatorTimeChange
    {
        public DateTimeOffset From { get; set; }
        /// <summary>The clock's new time, in UTC.</summary>
        public DateTimeOffset Time { get; set; }
        public TimeSpan Advanced { get; set; }
        /// <summary>Users processed by group-based licensing (one group's licences for one user each).</summary>
        public long LicenseProcessingSteps { get; set; }
        public long MembershipEvaluations { get; set; }
        public long AccessPackageDeliveries { get; set; }
        /// <summary>Assignments ended by a removal request.</summary>
        public long AccessPackageRemovals { get; set; }
        /// <summary>Assignments ended by their end date.</summary>
        public long AccessPackageExpiries { get; set; }
        public long ApprovalTimeouts { get; set; }
        /// <summary>When the next background work falls due; null when nothing is queued or dated.</summary>
        public DateTimeOffset? NextWorkDue { get; set; }
    }
}
