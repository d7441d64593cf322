using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>One wait for group-based licensing: what it waits for, how it paces itself, and the progress bar it moves.</summary>
    internal sealed class LicenseWatch
    {
        public LicenseWatch(IReadOnlyList<LicenseExpectation> expectations, int progressActivity, string progressTitle)
        {
            Expectations = expectations;
            ProgressActivity = progressActivity;
            ProgressTitle = progressTitle;
        }

        public IReadOnlyList<LicenseExpectation> Expectations { get; }

        public int ProgressActivity { get; }

        public string ProgressTitle { get; }

        public LicenseWatchTimings Timings { get; set; } = LicenseWatchTimings.Default;

        /// <summary>
        /// When the change waited for was made; the watch's start when null. An error state updated since then is Entra's
        /// answer to the change, while an older one may be the very error the change is meant to clear.
        /// </summary>
        public DateTimeOffset? ChangedAt { get; set; }

        /// <summary>
        /// Called between rounds, before each pause: a caller that holds something with an expiry for the whole wait (the
        /// tier reconciler's lease) renews it here, since one watch may last far longer than that expiry.
        /// </summary>
        public Func<Task>? BetweenRounds { get; set; }
    }
}
