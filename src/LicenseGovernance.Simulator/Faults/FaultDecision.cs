using System;

namespace LicenseGovernance.Simulator.Faults
{
    public sealed class FaultDecision
    {
        internal FaultDecision(FaultKind kind, TimeSpan retryAfter, TimeSpan delay)
        {
            Kind = kind;
            RetryAfter = retryAfter;
            Delay = delay;
        }

        public FaultKind Kind { get; }

        /// <summary>The Retry-After to send; zero means send none.</summary>
        public TimeSpan RetryAfter { get; }

        /// <summary>How long to hold a <see cref="FaultKind.Latency"/> request before serving it.</summary>
        public TimeSpan Delay { get; }
    }
}
