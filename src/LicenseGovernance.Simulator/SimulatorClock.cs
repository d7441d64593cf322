using System;

namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// The simulated tenant's notion of "now". Tests advance it instead of sleeping; moving it runs the tenant's
    /// background work (group-based licensing, dynamic membership) that has fallen due.
    /// </summary>
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
            Moved?.Invoke();
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

            Moved?.Invoke();
        }

        /// <summary>Raised after every move, outside the clock's lock, so handlers may read the clock or take other locks.</summary>
        internal event Action? Moved;
    }
}
