namespace LicenseGovernance.Simulator.Faults
{
    public enum FaultKind
    {
        /// <summary>429 with Retry-After, as Graph sends under load even below the documented limits.</summary>
        TooManyRequests,

        /// <summary>503, which the Kiota retry handler also retries.</summary>
        ServiceUnavailable,

        /// <summary>The request succeeds, late.</summary>
        Latency,
        /// <summary>
        /// The tenant applies the request but the response never arrives (the client sees a connection failure): what a
        /// killed process or a dropped connection leaves behind. Not for $batch items; the whole $batch response is lost instead.
        /// </summary>
        ResponseLost,
    }
}
