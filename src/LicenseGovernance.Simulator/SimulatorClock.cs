using System;

namespace LicenseGovernance.Simulator
{
    /// <summary>The simulated tenant's notion of "now". Tests advance it instead of sleeping.</summary>
    public sealed class SimulatorClock
    {
        private readonly object _gate = new object();
        private DateTimeOffset _now;

        public SimulatorClock(DateTimeOffset start)
        {
            _now = start.ToUniversalTime();
        }

        public DateTimeOffset UtcNow
        {
            get { lock (_gate) { return _now; } }
        }

        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(by), by, "The simulator clock never runs backwards.");
            }

            lock (_gate) { _now = _now.Add(by); }
        }

        public void Set(DateTimeOffset to)
        {
            lock (_gate)
            {
                if (to < _now)
                {
                    // Throttling windows, read-after-write delays and token expiry all assume monotonic time.
                    throw new ArgumentOutOfRangeException(nameof(to), to, $"The simulator clock is at {_now:O} and never runs backwards.");
                }

                _now = to.ToUniversalTime();
            }
        }
    }
}
