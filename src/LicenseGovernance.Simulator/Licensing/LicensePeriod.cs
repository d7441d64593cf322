using System;

namespace LicenseGovernance.Simulator.Licensing
{
    /// <summary>A stretch of the simulated clock, from <see cref="Start"/> to <see cref="End"/>, or still going when that is null.</summary>
    public sealed class LicensePeriod
    {
        public LicensePeriod(DateTimeOffset start, DateTimeOffset? end)
        {
            Start = start;
            End = end;
        }

        public DateTimeOffset Start { get; }

        public DateTimeOffset? End { get; }
    }
}
