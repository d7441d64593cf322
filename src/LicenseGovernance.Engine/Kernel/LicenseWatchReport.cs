using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>What a licensing watch saw: one result per expectation, in the order they were given.</summary>
    internal sealed class LicenseWatchReport
    {
        private readonly IReadOnlyDictionary<string, WatchedGroup> _groups;

        public LicenseWatchReport(IReadOnlyList<LicenseWatchResult> results, IReadOnlyDictionary<string, WatchedGroup> groups, bool timedOut)
        {
            Results = results;
            _groups = groups;
            TimedOut = timedOut;
        }

        public IReadOnlyList<LicenseWatchResult> Results { get; }

        /// <summary>The deadline ended the watch with users pending; false when all settled or their groups finished processing.</summary>
        public bool TimedOut { get; }

        public int Count(LicenseWatchOutcome outcome) => Results.Count(r => r.Outcome == outcome);

        /// <summary>The group's licenseProcessingState as last read, or "unknown".</summary>
        public string ProcessingState(string groupId) => _groups.TryGetValue(groupId, out var group) ? group.State : "unknown";
    }
}
