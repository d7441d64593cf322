using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>A policy's reviewSettings in the typed shape the review runner reads (the JSON as sent is kept for reads).</summary>
    public sealed class SimulatedReviewSettings
    {
        /// <summary>keepAccess, removeAccess or acceptAccessRecommendation: what the end of a review does to undecided access.</summary>
        public string ExpirationBehavior { get; set; } = "keepAccess";

        public bool IsReviewerJustificationRequired { get; set; }

        public bool IsSelfReview { get; set; }

        public List<SimulatedSubjectSet> PrimaryReviewers { get; set; } = new List<SimulatedSubjectSet>();

        public List<SimulatedSubjectSet> FallbackReviewers { get; set; } = new List<SimulatedSubjectSet>();

        public DateTimeOffset StartDateTime { get; set; }

        /// <summary>How long each instance is open; Graph's default is 14 days when the schedule has no expiration.</summary>
        public TimeSpan Duration { get; set; } = TimeSpan.FromDays(14);

        /// <summary>weekly or absoluteMonthly.</summary>
        public string PatternType { get; set; } = "absoluteMonthly";

        public int Interval { get; set; } = 1;

        /// <summary>The start of the <paramref name="index"/>th review (0 for the first).</summary>
        public DateTimeOffset Occurrence(int index) =>
            PatternType == "weekly" ? StartDateTime.AddDays(7.0 * Interval * index) : StartDateTime.AddMonths(Interval * index);
    }
}
