using System;
using System.Threading;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// Paces writes so a long migration runs close to Graph's identity write quota without provoking 429 storms
    /// (graph-contract §8.2). The quota's size is not assumed: the pacer runs unpaced until the service shows pressure
    /// (x-ms-throttle-limit-percentage, sent from 80% use, or a 429), then holds a rate it adapts to what it sees:
    /// up while use falls, down while it rises, hard down when it rises past 95%, and on a 429, whose Retry-After it
    /// always obeys. Once use drops below 80% again it runs unpaced. The bucket thus hovers near 80% used: every token
    /// it refills is spent, none is lost to a full bucket, and it never runs dry, so 429s stay rare.
    /// The session holds one, so every write of every command in it draws on the same quota (<see cref="WriteRetryPolicy"/>).
    /// It also holds the session's read budget for signInActivity (<see cref="AcquireSignInReadAsync"/>), a quota so small
    /// (10 a minute) and so well documented that it is spent as a known bucket rather than discovered from pressure.
    /// Time comes from the session, so on the simulator the waits move its clock instead of sleeping.
    /// </summary>
    internal sealed class WritePacer
    {
        /// <summary>
        /// Only a first guess, corrected by what Graph reports: the tightest identity write quota one app meets in one tenant,
        /// 3,000 writes per 2 min 30 s per app and tenant (https://learn.microsoft.com/en-us/graph/throttling-limits,
        /// "Identity and access service limits"; unchanged since 2021, while the per-app quota fell from 70,000 to 35,000
        /// per 5 minutes and the per-tenant one is 18,000 per 5 minutes, both looser for a single app in one tenant).
        /// </summary>
        public const double DocumentedWritesPerSecond = 3000.0 / 150;

        private const double MinimumRate = 0.5;

        /// <summary>The refill window of that quota (same source); the 5-minute quotas refill over twice as long, so a guess from it errs fast and is braked.</summary>
        private static readonly TimeSpan DocumentedWindow = TimeSpan.FromSeconds(150);
        private const double HighUse = 0.95;

        private readonly Func<DateTimeOffset> _now;
        private readonly Func<TimeSpan, CancellationToken, Task> _wait;
        private readonly object _gate = new object();
        private DateTimeOffset _next;
        private DateTimeOffset _lastSend;
        private DateTimeOffset _previousSend;
        private double? _rate;
        private double? _lastUsage;
        private double? _resumeRate;
        private double? _capacity;

        /// <summary>Added to every wait of the read budget: see <see cref="AcquireSignInReadAsync"/>.</summary>
        internal static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(1);

        private readonly SignInReadLimits _signIn;
        private double _readTokens;
        private DateTimeOffset _readsRefilledAt;
        private DateTimeOffset _readsResume;

        public WritePacer(Func<DateTimeOffset> now, Func<TimeSpan, CancellationToken, Task> wait, SignInReadLimits? signInReads = null)
        {
            _now = now;
            _wait = wait;
            _next = now();
            _signIn = signInReads ?? new SignInReadLimits();
            _readTokens = _signIn.QuotaReads;
            _readsRefilledAt = _next;
        }

        /// <summary>The signInActivity quota the read budget spends.</summary>
        public SignInReadLimits SignInReadQuota => _signIn;

        /// <summary>Reads of signInActivity Graph answered without 429.</summary>
        public long SignInReads { get; private set; }

        /// <summary>Reads of signInActivity Graph refused with 429.</summary>
        public long SignInReadsThrottled { get; private set; }

        /// <summary>
        /// Waits until one more read of signInActivity may go. The budget is a bucket of the quota's size refilling at its
        /// rate; a booking that finds it empty takes the next token ahead of time (the count goes negative), so concurrent
        /// readers queue behind each other instead of all waking at once.
        /// </summary>
        public async Task AcquireSignInReadAsync(CancellationToken cancellation)
        {
            DateTimeOffset due;
            lock (_gate)
            {
                var now = _now();
                RefillReads(now);
                _readTokens -= 1;
                // Whole milliseconds, rounded up, and a millisecond more: a read a hair before the refill finds Graph's bucket
                // still empty, and the Retry-After that answers it costs a second.
                var refilled = now + TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(0, -_readTokens) * 1000 / _signIn.ReadsPerSecond));
                due = (refilled > _readsResume ? refilled : _readsResume) + (refilled > now || _readsResume > now ? TimerSlack : TimeSpan.Zero);
            }

            // A timer may fire a little early by the clock the budget keeps; the token is due when that clock says so.
            for (var wait = due - _now(); wait > TimeSpan.Zero; wait = due - _now())
            {
                await _wait(wait, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// What Graph answered a read of signInActivity. A 429 means Graph's bucket is empty whatever ours says (another
        /// app, another session, a smaller quota): ours is emptied too, and no read goes before its Retry-After.
        /// </summary>
        public void ObserveSignInRead(bool throttled, TimeSpan retryAfter)
        {
            lock (_gate)
            {
                if (!throttled)
                {
                    SignInReads++;
                    return;
                }

                SignInReadsThrottled++;
                var now = _now();
                RefillReads(now);
                _readTokens = Math.Min(_readTokens, 0);
                var resume = now + (retryAfter > TimeSpan.FromSeconds(1) ? retryAfter : TimeSpan.FromSeconds(1));
                _readsResume = resume > _readsResume ? resume : _readsResume;
            }
        }

        /// <summary>How long <paramref name="reads"/> more reads of signInActivity take at the quota, from what the budget holds now.</summary>
        public TimeSpan SignInReadTime(long reads)
        {
            lock (_gate)
            {
                var now = _now();
                RefillReads(now);
                var beyond = reads - Math.Floor(_readTokens);
                var paused = _readsResume > now ? _readsResume - now : TimeSpan.Zero;
                return paused + TimeSpan.FromSeconds(Math.Max(0, beyond) / _signIn.ReadsPerSecond);
            }
        }

        private void RefillReads(DateTimeOffset now)
        {
            if (now > _readsRefilledAt)
            {
                _readTokens = Math.Min(_signIn.QuotaReads, _readTokens + ((now - _readsRefilledAt).TotalSeconds * _signIn.ReadsPerSecond));
                _readsRefilledAt = now;
            }
        }

        /// <summary>Writes per second the pacer holds; null while unpaced.</summary>
        public double? Rate => _rate;

        /// <summary>Writes Graph accepted.</summary>
        public long Writes { get; private set; }

        /// <summary>Writes Graph refused with 429.</summary>
        public long Throttled { get; private set; }

        /// <summary>Waits until <paramref name="writes"/> more may go, and books their share of the rate.</summary>
        public Task AcquireAsync(int writes, CancellationToken cancellation) => AcquireAsync(writes, long.MaxValue, cancellation);

        /// <param name="writes">The writes about to go.</param>
        /// <param name="writesAfter">How many the caller still has to send after them; the last ones may spend the headroom.</param>
        /// <param name="cancellation">Stops the wait.</param>
        public async Task AcquireAsync(int writes, long writesAfter, CancellationToken cancellation)
        {
            // Book the slot first, then wait for it, so concurrent senders queue behind each other.
            TimeSpan wait;
            lock (_gate)
            {
                var now = _now();
                var start = _next > now ? _next : now;
                _previousSend = _lastSend;
                _lastSend = start;
                _next = _rate.HasValue && !EndFitsInHeadroom(writes, writesAfter) ? start + TimeSpan.FromSeconds(writes / _rate.Value) : start;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await _wait(wait, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The bucket hovers with a fifth of its budget unspent; once everything left fits in what is unspent, holding
        /// it back any longer would only lengthen the run. Only half of it is trusted: the capacity is sized from the writes
        /// sent before the first pressure, and the bucket refilled while they went, so it is an overestimate (a run whose
        /// sign-in reads held it between chunks ran into the quota on its last writes). Summed as doubles: an unknown
        /// remainder is long.MaxValue.
        /// </summary>
        private bool EndFitsInHeadroom(int writes, long writesAfter) =>
            _capacity.HasValue && _lastUsage.HasValue && (double)writesAfter + writes <= _capacity.Value * (1 - _lastUsage.Value) / 2;

        /// <param name="accepted">Writes that went through.</param>
        /// <param name="throttled">Writes refused with 429.</param>
        /// <param name="retryAfter">The longest Retry-After among them.</param>
        /// <param name="usage">The highest x-ms-throttle-limit-percentage seen, or null when Graph sent none (use below 80%).</param>
        public void Observe(int accepted, int throttled, TimeSpan retryAfter, double? usage)
        {
            lock (_gate)
            {
                ObserveLocked(accepted, throttled, retryAfter, usage);
            }
        }

        private void ObserveLocked(int accepted, int throttled, TimeSpan retryAfter, double? usage)
        {
            Writes += accepted;
            Throttled += throttled;
            if (throttled > 0)
            {
                // A partly refused batch found the bucket empty: what it got through is what refilled since the one before,
                // which measures the quota's rate directly. Otherwise back off by a fifth.
                var interval = (_lastSend - _previousSend).TotalSeconds;
                var measured = accepted > 0 && interval > 0 && _previousSend != default ? accepted / interval : (double?)null;
                var backedOff = (_rate ?? DocumentedWritesPerSecond) * 0.8;
                _rate = Math.Max(MinimumRate, measured.HasValue ? Math.Min(measured.Value, backedOff / 0.8) : backedOff);
                PauseLocked(retryAfter);
                return;
            }

            if (usage == null)
            {
                // Below 80% of the budget in use: there is room to spare, so writes go as fast as they can until Graph
                // reports pressure again. The bucket then hovers near 80% and every token it refills is spent.
                if (_rate.HasValue)
                {
                    _resumeRate = _rate;
                }

                _rate = null;
                _lastUsage = null;
                return;
            }

            if (!_rate.HasValue)
            {
                // The writes so far used this share of the budget, which sizes it; Graph refills a write budget over
                // 150 s, so that is the first guess at the rate, corrected from here on by what the service reports.
                // A rate held before is resumed only below that: one set by a stray 429 while use was low is a guess from
                // the documented quota, and resuming it on a smaller budget would run straight into the quota.
                _capacity ??= Writes / usage.Value;
                var sized = Math.Min(DocumentedWritesPerSecond * 10, _capacity.Value / DocumentedWindow.TotalSeconds);
                _rate = Math.Max(MinimumRate, Math.Min(_resumeRate ?? sized, sized));
                _lastUsage = usage;
                return;
            }

            // Use that keeps rising towards empty is braked hard, high but steady use gently; use falling speeds up.
            var rising = _lastUsage.HasValue && usage.Value > _lastUsage.Value;
            _lastUsage = usage;
            var factor = usage >= HighUse ? (rising ? 0.7 : 0.97) : rising ? 0.98 : 1.02;
            _rate = Math.Max(MinimumRate, _rate.Value * factor);
        }

        /// <summary>A 503 or similar: no write is sent before <paramref name="delay"/> has passed; the rate stays.</summary>
        public void Pause(TimeSpan delay)
        {
            lock (_gate)
            {
                PauseLocked(delay);
            }
        }

        private void PauseLocked(TimeSpan delay)
        {
            var resume = _now() + (delay > TimeSpan.FromSeconds(1) ? delay : TimeSpan.FromSeconds(1));
            if (resume > _next)
            {
                _next = resume;
            }
        }
    }
}
