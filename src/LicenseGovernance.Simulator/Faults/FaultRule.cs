using System;
using System.Text.RegularExpressions;
using System.Threading;

namespace LicenseGovernance.Simulator.Faults
{
    /// <summary>
    /// One injected failure and the requests it applies to. Configure it with the fluent methods before
    /// <see cref="FaultInjector.Add"/>; the injector owns its firing state from then on.
    /// </summary>
    public sealed class FaultRule
    {
        private string? method;
        private string? pathPrefix;
        private Regex? pathPattern;
        private bool? insideBatch;
        private int? times;
        private int skip;
        private int seen;
        private double? probability;
        private int fired;

        private FaultRule(FaultKind kind, TimeSpan retryAfter, TimeSpan delay)
        {
            Kind = kind;
            RetryAfter = retryAfter;
            Delay = delay;
        }

        public FaultKind Kind { get; }

        public TimeSpan RetryAfter { get; }

        public TimeSpan Delay { get; }

        /// <summary>How many requests this rule has failed or delayed so far.</summary>
        public int Fired => Volatile.Read(ref fired);

        internal bool Retired => times.HasValue && Fired >= times.Value;

        internal double? Probability => probability;

        public static FaultRule TooManyRequests(TimeSpan retryAfter)
        {
            return new FaultRule(FaultKind.TooManyRequests, retryAfter, TimeSpan.Zero);
        }

        public static FaultRule ServiceUnavailable()
        {
            return new FaultRule(FaultKind.ServiceUnavailable, TimeSpan.Zero, TimeSpan.Zero);
        }

        /// <summary>A 503 that carries Retry-After, which Graph sometimes sends.</summary>
        public static FaultRule ServiceUnavailable(TimeSpan retryAfter)
        {
            return new FaultRule(FaultKind.ServiceUnavailable, retryAfter, TimeSpan.Zero);
        }

        /// <summary>The request is applied and its response lost; see <see cref="FaultKind.ResponseLost"/>.</summary>
        public static FaultRule ResponseLost()
        {
            return new FaultRule(FaultKind.ResponseLost, TimeSpan.Zero, TimeSpan.Zero);
        }

        public static FaultRule Latency(TimeSpan delay)
        {
            return new FaultRule(FaultKind.Latency, TimeSpan.Zero, delay);
        }

        public FaultRule ForMethod(string method)
        {
            this.method = method ?? throw new ArgumentNullException(nameof(method));
            return this;
        }

        /// <param name="pathPrefixOrRegex">
        /// A case-insensitive path prefix such as "/users", or, when it starts with '^', a case-insensitive regular
        /// expression such as "^/users/[^/]+/assignLicense$".
        /// </param>
        public FaultRule ForPath(string pathPrefixOrRegex)
        {
            if (pathPrefixOrRegex == null)
            {
                throw new ArgumentNullException(nameof(pathPrefixOrRegex));
            }

            if (pathPrefixOrRegex.StartsWith("^", StringComparison.Ordinal))
            {
                pathPattern = new Regex(pathPrefixOrRegex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                pathPrefix = null;
            }
            else
            {
                pathPrefix = pathPrefixOrRegex;
                pathPattern = null;
            }

            return this;
        }

        /// <summary>Only items of a $batch, whose 429s the SDK does not retry by itself.</summary>
        public FaultRule OnlyInsideBatch()
        {
            insideBatch = true;
            return this;
        }

        public FaultRule OnlyOutsideBatch()
        {
            insideBatch = false;
            return this;
        }

        /// <summary>Lets the first <paramref name="count"/> matching requests through before the rule starts firing.</summary>
        public FaultRule After(int count)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "A rule cannot skip a negative number of requests.");
            }

            skip = count;
            return this;
        }

        public FaultRule Times(int count)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "A rule must be allowed to fire at least once.");
            }

            times = count;
            return this;
        }

        /// <param name="p">The chance, 0 to 1, that a matching request is hit; drawn from the injector's seeded random.</param>
        public FaultRule WithProbability(double p)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(p), p, "A probability lies between 0 and 1.");
            }

            probability = p;
            return this;
        }

        internal bool Applies(string requestMethod, string path, bool batchItem)
        {
            if (method != null && !string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (insideBatch.HasValue && insideBatch.Value != batchItem)
            {
                return false;
            }

            var matches = pathPrefix != null ? path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase) : pathPattern == null || pathPattern.IsMatch(path);

            // Counted under the injector's lock, so "after n" means the n+1th matching request whatever the threads do.
            return matches && ++seen > skip;
        }

        internal FaultDecision Fire()
        {
            Interlocked.Increment(ref fired);
            return new FaultDecision(Kind, RetryAfter, Delay);
        }
    }
}
