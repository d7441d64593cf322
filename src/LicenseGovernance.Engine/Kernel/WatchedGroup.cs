using System;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>A group's licenseProcessingState as a licensing watch has seen it, round after round.</summary>
    internal sealed class WatchedGroup
    {
        private const string Complete = "ProcessingComplete";

        /// <summary>What Graph last said (QueuedForProcessing, ProcessingInProgress, ProcessingComplete), or "unknown".</summary>
        public string State { get; private set; } = "unknown";

        /// <summary>Whether any round saw the group in another state than complete.</summary>
        public bool SawProcessing { get; private set; }

        public bool IsComplete => string.Equals(State, Complete, StringComparison.OrdinalIgnoreCase);

        /// <summary>Entra showed work on the group and then reported it complete: what it was asked to do has been done.</summary>
        public bool VisiblyProcessed => IsComplete && SawProcessing;

        public void Observe(string? state)
        {
            State = state ?? "unknown";
            SawProcessing |= !IsComplete;
        }

        /// <summary>Nothing more to wait for: visibly processed, or complete for the whole settle time.</summary>
        public bool Finished(TimeSpan watched, TimeSpan settleTime) => IsComplete && (SawProcessing || watched >= settleTime);
    }
}
