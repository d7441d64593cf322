using System;

namespace LicenseGovernance.Simulator.Throttling
{
    /// <summary>
    /// A bucket that refills continuously: capacity tokens per period, never above capacity.
    /// Not thread-safe on its own; <see cref="ThrottleGate"/> locks the bucket object around every use.
    /// </summary>
    internal sealed class TokenBucket
    {
        // Guards against 2999.9999 tokens refusing a request that a whole-number refill allowed.
        private const double Tolerance = 1e-9;

        private readonly double capacity;
        private readonly double tokensPerTick;
        private double tokens;
        private long refilledAt;

        public TokenBucket(int capacity, TimeSpan period, BucketUnit unit, string scope, string information, long nowTicks)
        {
            this.capacity = capacity;
            tokensPerTick = capacity / (double)period.Ticks;
            tokens = capacity;
            refilledAt = nowTicks;
            Unit = unit;
            Scope = scope;
            Information = information;
        }

        /// <summary>A write or request bucket takes one token per write or request; a resource-unit bucket takes the request's cost.</summary>
        public BucketUnit Unit { get; }

        public bool CountsWrites => Unit == BucketUnit.Writes;

        /// <summary>The tokens a request of <paramref name="cost"/> resource units takes from this bucket.</summary>
        public int AmountFor(int cost) => Unit == BucketUnit.ResourceUnits ? cost : 1;

        public string Scope { get; }

        public string Information { get; }

        public void Refill(long nowTicks)
        {
            // A clock that steps back (a test resetting it) must not drain the bucket.
            if (nowTicks > refilledAt)
            {
                tokens = Math.Min(capacity, tokens + ((nowTicks - refilledAt) * tokensPerTick));
                refilledAt = nowTicks;
            }
        }

        public bool CanTake(int amount)
        {
            return tokens + Tolerance >= Math.Min(amount, capacity);
        }

        public void Take(int amount)
        {
            tokens = Math.Max(0, tokens - amount);
        }

        public TimeSpan TimeUntil(int amount)
        {
            double missing = Math.Min(amount, capacity) - tokens;
            return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(missing / tokensPerTick));
        }

        /// <summary>Fraction of the budget in use once <paramref name="amount"/> more is spent; above 1 when it does not fit.</summary>
        public double UsageWith(int amount)
        {
            return (capacity - tokens + amount) / capacity;
        }
    }

    /// <summary>What a bucket counts.</summary>
    internal enum BucketUnit
    {
        ResourceUnits,
        Writes,
        Requests,
    }
}
