using System;

namespace LicenseGovernance
{
    /// <summary>One Sync-LicenseTier run in numbers (Sync-LicenseTier -Summary).</summary>
    public sealed class TierSyncSummary
    {
        /// <summary>Users in the tier system that the run read.</summary>
        public int UsersRead { get; set; }
        /// <summary>Users already in exactly their desired tier, with nothing to do.</summary>
        public int Settled { get; set; }
        public int Moved { get; set; }
        public int Bridged { get; set; }
        public int Waiting { get; set; }
        public int Failed { get; set; }
        public int Skipped { get; set; }
        /// <summary>-WhatIf, or not confirmed.</summary>
        public int Planned { get; set; }
        /// <summary>Graph requests the run sent (reads and writes).</summary>
        public long Requests { get; set; }
        /// <summary>Licence, membership and access package writes.</summary>
        public long Writes { get; set; }
        public TimeSpan Elapsed { get; set; }
        /// <summary>Who holds the tier lease when this run could not take it; empty when this run held it or needed none.</summary>
        public string LeaseHolder { get; set; } = "";
        public DateTimeOffset? LeaseExpires { get; set; }
        public Guid? CorrelationId { get; set; }
    }
}
