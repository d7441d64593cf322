using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LicenseGovernance.Simulator.Throttling
{
    /// <summary>
    /// Graph's identity token buckets. Each app+tenant pair owns its buckets and shares the app-wide and tenant-wide
    /// ones; a request locks only the buckets it touches, always in the order app+tenant, app, tenant, so two
    /// requests can never wait on each other in a cycle. A refused request takes nothing from any bucket.
    /// </summary>
    public sealed class ThrottleGate
    {
        private readonly ThrottlingOptions options;
        private readonly Func<DateTimeOffset> now;
        private readonly ConcurrentDictionary<(string App, string Tenant), Pair> pairs = new ConcurrentDictionary<(string App, string Tenant), Pair>();
        private readonly ConcurrentDictionary<string, TokenBucket?[]> applications = new ConcurrentDictionary<string, TokenBucket?[]>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, TokenBucket?[]> tenants = new ConcurrentDictionary<string, TokenBucket?[]>(StringComparer.OrdinalIgnoreCase);

        public ThrottleGate(ThrottlingOptions options, Func<DateTimeOffset> now)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.now = now ?? throw new ArgumentNullException(nameof(now));
        }

        /// <param name="readsSignInActivity">The request selects or filters signInActivity, which also draws on that quota.</param>
        public ThrottleDecision TryAcquire(string appId, string tenantId, int resourceUnits, bool isWrite, bool readsSignInActivity = false)
        {
            int cost = Math.Max(1, resourceUnits);
            if (!options.Enabled)
            {
                return new ThrottleDecision(true, TimeSpan.Zero, null, null, 0, cost);
            }

            long ticks = now().UtcTicks;
            Pair pair = PairFor(appId, tenantId, ticks);
            TokenBucket[] buckets = isWrite ? pair.WriteBuckets : readsSignInActivity ? pair.SignInReadBuckets : pair.ReadBuckets;
            int locked = 0;
            try
            {
                for (; locked < buckets.Length; locked++)
                {
                    Monitor.Enter(buckets[locked]);
                }

                return Decide(buckets, cost, ticks);
            }
            finally
            {
                for (int i = locked - 1; i >= 0; i--)
                {
                    Monitor.Exit(buckets[i]);
                }
            }
        }

        private static ThrottleDecision Decide(TokenBucket[] buckets, int cost, long ticks)
        {
            TokenBucket? refusing = null;
            TimeSpan wait = TimeSpan.Zero;
            double usage = 0;
            foreach (TokenBucket bucket in buckets)
            {
                int amount = bucket.AmountFor(cost);
                bucket.Refill(ticks);
                usage = Math.Max(usage, bucket.UsageWith(amount));
                if (!bucket.CanTake(amount))
                {
                    TimeSpan until = bucket.TimeUntil(amount);
                    if (refusing == null || until > wait)
                    {
                        refusing = bucket;
                        wait = until;
                    }
                }
            }

            if (refusing != null)
            {
                // Retry-After is whole seconds; rounding up means a client that obeys it is never refused again for the same reason.
                double seconds = Math.Max(1, Math.Ceiling(wait.TotalSeconds));
                return new ThrottleDecision(false, TimeSpan.FromSeconds(seconds), refusing.Scope, refusing.Information, usage, cost);
            }

            foreach (TokenBucket bucket in buckets)
            {
                bucket.Take(bucket.AmountFor(cost));
            }

            return new ThrottleDecision(true, TimeSpan.Zero, null, null, usage, cost);
        }

        private Pair PairFor(string appId, string tenantId, long ticks)
        {
            var key = (appId.ToLowerInvariant(), tenantId.ToLowerInvariant());
            if (pairs.TryGetValue(key, out Pair? pair))
            {
                return pair;
            }

            return pairs.GetOrAdd(key, k => CreatePair(k.App, k.Tenant, ticks));
        }

        private Pair CreatePair(string appId, string tenantId, long ticks)
        {
            var ordered = new List<TokenBucket?>
            {
                Bucket(options.ResourceUnitsPer10Seconds, options.Window(TimeSpan.FromSeconds(10)), BucketUnit.ResourceUnits, $"Tenant_Application/ReadWrite/{appId}/{tenantId}", ticks),
                Bucket(options.WritesPer150Seconds, options.Window(TimeSpan.FromSeconds(150)), BucketUnit.Writes, $"Tenant_Application/Write/{appId}/{tenantId}", ticks),
            };
            ordered.AddRange(applications.GetOrAdd(appId, id => new[]
            {
                Bucket(options.ApplicationResourceUnitsPer20Seconds, options.Window(TimeSpan.FromSeconds(20)), BucketUnit.ResourceUnits, $"Application/ReadWrite/{id}", ticks),
                Bucket(options.ApplicationWritesPer5Minutes, options.Window(TimeSpan.FromMinutes(5)), BucketUnit.Writes, $"Application/Write/{id}", ticks),
                Bucket(options.ApplicationRequestsPer10Seconds, options.Window(TimeSpan.FromSeconds(10)), BucketUnit.Requests, $"Global/ReadWrite/{id}", ticks),
            }));
            ordered.AddRange(tenants.GetOrAdd(tenantId, id => new[]
            {
                Bucket(options.TenantWritesPer5Minutes, options.Window(TimeSpan.FromMinutes(5)), BucketUnit.Writes, $"Tenant/Write/{id}", ticks),
            }));
            var reads = Select(ordered, writes: false);
            var signIn = SignInBucket(appId, tenantId, ticks);
            return new Pair(reads, Select(ordered, writes: true), signIn == null ? reads : reads.Concat(new[] { signIn }).ToArray());
        }

        /// <summary>One token per request; Graph documents neither its scope nor its information value, so these name it plainly.</summary>
        private TokenBucket? SignInBucket(string appId, string tenantId, long ticks) =>
            options.SignInActivityReadsPerMinute <= 0 ? null : new TokenBucket(options.SignInActivityReadsPerMinute, options.Window(TimeSpan.FromMinutes(1)), BucketUnit.Requests,
                $"Tenant_Application/SignInActivity/{appId}/{tenantId}", "SignInActivityLimitExceeded", ticks);

        private static TokenBucket[] Select(List<TokenBucket?> ordered, bool writes)
        {
            var selected = new List<TokenBucket>();
            foreach (TokenBucket? bucket in ordered)
            {
                if (bucket != null && (writes || !bucket.CountsWrites))
                {
                    selected.Add(bucket);
                }
            }

            return selected.ToArray();
        }

        private static TokenBucket? Bucket(int capacity, TimeSpan period, BucketUnit unit, string scope, long ticks)
        {
            if (capacity <= 0)
            {
                return null;
            }

            // Graph documents the first two; the global limit's wording is not published [U].
            string information = unit == BucketUnit.Writes ? "WriteLimitExceeded" : unit == BucketUnit.ResourceUnits ? "ResourceUnitLimitExceeded" : "RequestLimitExceeded";
            return new TokenBucket(capacity, period, unit, scope, information, ticks);
        }

        private sealed class Pair
        {
            public Pair(TokenBucket[] readBuckets, TokenBucket[] writeBuckets, TokenBucket[] signInReadBuckets)
            {
                ReadBuckets = readBuckets;
                WriteBuckets = writeBuckets;
                SignInReadBuckets = signInReadBuckets;
            }

            /// <summary>Resource-unit and request buckets, in lock order.</summary>
            public TokenBucket[] ReadBuckets { get; }

            /// <summary>Every bucket, in lock order.</summary>
            public TokenBucket[] WriteBuckets { get; }

            /// <summary>The read buckets, then the pair's signInActivity bucket (last in lock order).</summary>
            public TokenBucket[] SignInReadBuckets { get; }
        }
    }
}
