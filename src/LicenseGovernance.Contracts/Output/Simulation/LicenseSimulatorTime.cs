using System;

namespace LicenseGovernance
{
    /// <summary>The simulated tenant's clock, and when its next background work (licence processing, a delivery, an expiry) falls due.</summary>
    public sealed class LicenseSimulatorTime
    {
        /// <summary>Now on the simulated tenant, in UTC.</summary>
        public DateTimeOffset Time { get; set; }
        /// <summary>True for the embedded tenant of Connect-LicenseGovernance -Simulator: its clock also runs with real time.</summary>
        public bool FollowsRealTime { get; set; }
        /// <summary>Null when nothing is queued or dated.</summary>
        public DateTimeOffset? NextWorkDue { get; set; }
    }
}
