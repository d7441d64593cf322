using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LicenseGovernance.Simulator
{
    /// <summary>Counts what clients sent, so tests and benchmarks can assert on request volume.</summary>
    public sealed class SimulatorStatistics
    {
        private readonly ConcurrentDictionary<string, int> _perRoute = new ConcurrentDictionary<string, int>();
        private long _total;
        private long _writes;
        private long _throttled;

        /// <summary>Top-level HTTP requests plus every $batch item.</summary>
        public long TotalRequests => Interlocked.Read(ref _total);

        public long Writes => Interlocked.Read(ref _writes);

        public long Throttled => Interlocked.Read(ref _throttled);

        /// <summary>Counts keyed "METHOD /route-template", for example "GET /users/{id}/licenseDetails".</summary>
        public IReadOnlyDictionary<string, int> PerRoute => _perRoute.ToDictionary(p => p.Key, p => p.Value);

        public int CountFor(string methodAndTemplate) => _perRoute.TryGetValue(methodAndTemplate, out var n) ? n : 0;

        public void Reset()
        {
            Interlocked.Exchange(ref _total, 0);
            Interlocked.Exchange(ref _writes, 0);
            Interlocked.Exchange(ref _throttled, 0);
            _perRoute.Clear();
        }

        internal void RecordRequest() => Interlocked.Increment(ref _total);

        internal void RecordRoute(string method, string template, bool isWrite)
        {
            _perRoute.AddOrUpdate(method + " " + template, 1, (_, n) => n + 1);
            if (isWrite)
            {
                Interlocked.Increment(ref _writes);
            }
        }

        internal void RecordThrottled() => Interlocked.Increment(ref _throttled);
    }
}
