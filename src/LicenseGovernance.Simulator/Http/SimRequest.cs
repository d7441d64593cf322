using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>A transport-neutral request: what the in-process handler, the loopback listener and $batch items all produce.</summary>
    internal sealed class SimRequest
    {
        public SimRequest(string method, Uri uri, IDictionary<string, string> headers, byte[]? body)
        {
            Method = method.ToUpperInvariant();
            Uri = uri;
            Headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
            Body = body;
        }

        public string Method { get; }

        public Uri Uri { get; }

        public Dictionary<string, string> Headers { get; }

        public byte[]? Body { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    }
}
