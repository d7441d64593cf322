using System;
using System.Threading;

namespace LicenseGovernance.Simulator.Faults
{
    /// <summary>
    /// Decides, per request, whether to fail or delay it. Rules are tried in the order they were added and the first
    /// that applies fires. Probabilities come from one random sequence seeded at construction, so the same requests
    /// in the same order meet the same faults on every run.
    /// </summary>
    public sealed class FaultInjector
    {
        private readonly object gate = new object();
        private readonly Random random;
        private FaultRule[] rules = Array.Empty<FaultRule>();

        public FaultInjector(int seed = 1)
        {
            random = new Random(seed);
        }

        public FaultRule Add(FaultRule rule)
        {
            if (rule == null)
            {
                throw new ArgumentNullException(nameof(rule));
            }

            lock (gate)
            {
                var next = new FaultRule[rules.Length + 1];
                rules.CopyTo(next, 0);
                next[rules.Length] = rule;
                Volatile.Write(ref rules, next);
            }

            return rule;
        }

        public void Clear()
        {
            lock (gate)
            {
                Volatile.Write(ref rules, Array.Empty<FaultRule>());
            }
        }

        /// <returns>null when the request should be served normally.</returns>
        public FaultDecision? Next(string method, string path, bool insideBatch)
        {
            // Most runs have no rules; they must not pay for a lock on every request.
            if (Volatile.Read(ref rules).Length == 0)
            {
                return null;
            }

            lock (gate)
            {
                foreach (FaultRule rule in rules)
                {
                    if (rule.Retired || !rule.Applies(method, path, insideBatch))
                    {
                        continue;
                    }

                    double? probability = rule.Probability;
                    if (probability.HasValue && random.NextDouble() >= probability.Value)
                    {
                        continue;
                    }

                    return rule.Fire();
                }
            }

            return null;
        }
    }
}
