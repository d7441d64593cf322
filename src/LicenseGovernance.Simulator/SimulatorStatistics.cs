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
        private readonly ConcurrentDictionary<string, int> _served = new ConcurrentDictionary<string, int>();
        private long _total;
        private long _batchItems;
        private long _writes;
        private long _throttled;

        /// <summary>Top-level HTTP requests plus every $batch item.</summary>
        public long TotalRequests => Interlocked.Read(ref _total);

        /// <summary>Items of $batch requests, each also counted in <see cref="TotalRequests"/>.</summary>
        public long BatchItems => Interlocked.Read(ref _batchItems);

        /// <summary>HTTP requests as the client sent them: a $batch counts once, whatever it holds.</summary>
        public long HttpRequests => TotalRequests - BatchItems;

        /// <summary>Writes that reached their route, $batch items included; a $batch envelope is none.</summary>
        public long Writes => Interlocked.Read(ref _writes);

        public long Throttled => Interlocked.Read(ref _throttled);

        /// <summary>Counts keyed "METHOD /route-template", for example "GET /users/{id}/licenseDetails".</summary>
        public IReadOnlyDictionary<string, int> PerRoute => _perRoute.ToDictionary(p => p.Key, p => p.Value);

        public int CountFor(string methodAndTemplate) => _perRoute.TryGetValue(methodAndTemplate, out var n) ? n : 0;

        /// <summary>
        /// Requests that reached their route (past faults and throttling) and got this status, for example
        /// ServedWith("POST /users/{id}/assignLicense", 400): a refused duplicate removal shows here.
        /// </summary>
        public int ServedWith(string methodAndTemplate, int status) => _served.TryGetValue(methodAndTemplate + " " + status, out var n) ? n : 0;

        public void Reset()
        {
            Interlocked.Exchange(ref _total, 0);
            Interlocked.Exchange(ref _batchItems, 0);
            Interlocked.Exchange(ref _writes, 0);
            Interlocked.Exchange(ref _throttled, 0);
            _perRoute.Clear();
            _served.Clear();
        }

        internal void RecordRequest(bool insideBatch)
        {
            Interlocked.Increment(ref _total);
            if (insideBatch)
            {
                Interlocked.Increment(ref _batchItems);
            }
        }

        internal void RecordRoute(string method, string template, bool isWrite)
        {
            _perRoute.AddOrUpdate(method + " " + template, 1, (_, n) => n + 1);
            if (isWrite)
            {
                Interlocked.Increment(ref _writes);
            }
        }

        internal void RecordServed(string method, string template, int status) =>
            _served.AddOrUpdate(method + " " + template + " " + status, 1, (_, n) => n + 1);

        internal void RecordThrottled() => Interlocked.Increment(ref _throttled);
    }
}
