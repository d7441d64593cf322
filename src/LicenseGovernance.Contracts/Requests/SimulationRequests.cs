using System;

namespace LicenseGovernance.Requests
{
    /// <summary>Set-LicenseSimulatorTime: move the simulated clock by a duration or to an instant (one of the two).</summary>
    public sealed class SetSimulatorTimeRequest
    {
        public TimeSpan? Advance { get; set; }
        public DateTimeOffset? To { get; set; }
    }
}
