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
    }
}
