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
        private System.Diagnostics.Stopwatch? _realTime;

        public SimulatorClock(DateTimeOffset start)
        {
            _now = start.ToUniversalTime();
        }

        public DateTimeOffset UtcNow
        {
            get { lock (_gate) { return Current(); } }
        }

        /// <summary>True once <see cref="FollowRealTime"/> was called.</summary>
        public bool FollowsRealTime
        {
            get { lock (_gate) { return _realTime != null; } }
        }

        /// <summary>
        /// From now on the clock also runs with real time, on top of any <see cref="Advance"/>: the embedded simulator an
        /// administrator works with interactively, where licence processing should finish while they watch. Tests leave it off.
        /// </summary>
        public void FollowRealTime()
        {
            lock (_gate)
            {
                _realTime ??= System.Diagnostics.Stopwatch.StartNew();
            }
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
                var now = Current();
                if (to < now)
                {
                    // Throttling windows, read-after-write delays and token expiry all assume monotonic time.
                    throw new ArgumentOutOfRangeException(nameof(to), to, $"The simulator clock is at {now:O} and never runs backwards.");
                }

                _now = to.ToUniversalTime() - (_realTime?.Elapsed ?? TimeSpan.Zero);
            }

            Moved?.Invoke();
        }

        private DateTimeOffset Current() => _realTime == null ? _now : _now + _realTime.Elapsed;

        /// <summary>Raised after every move, outside the clock's lock, so handlers may read the clock or take other locks.</summary>
        internal event Action? Moved;
    }
}
