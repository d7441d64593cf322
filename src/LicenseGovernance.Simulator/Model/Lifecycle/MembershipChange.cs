using System;

namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A user joining or leaving a group that a scheduled membership-change workflow watches, in the order it happened.</summary>
    public sealed class MembershipChange
    {
        public long Sequence { get; set; }

        public Guid GroupId { get; set; }

        public Guid UserId { get; set; }

        public bool Added { get; set; }

        public DateTimeOffset At { get; set; }
    }
}
