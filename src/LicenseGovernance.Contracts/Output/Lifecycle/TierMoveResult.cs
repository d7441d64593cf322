using System;

namespace LicenseGovernance
{
    /// <summary>One user's tier move by Sync-LicenseTier or Move-UserLicenseTier: from where to where, the steps, and whether the user stayed licensed.</summary>
    public sealed class TierMoveResult
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        /// <summary>The tier the user held (its group's name); empty when the user held none.</summary>
        public string FromTier { get; set; } = "";
        /// <summary>The tier the user is moved to (its group's name).</summary>
        public string ToTier { get; set; } = "";
        public TierMoveOutcome Outcome { get; set; }
        /// <summary>The steps taken (or planned), in order.</summary>
        public ItemList<string> Steps { get; set; } = new ItemList<string>();
        /// <summary>The steps joined with " > ", for Export-Csv.</summary>
        public string StepSummary => string.Join(" > ", Steps);
        public DateTimeOffset? Started { get; set; }
        public DateTimeOffset? Finished { get; set; }
        /// <summary>The safe order or a look-ahead bridge kept the user licensed where a plain move or an expiry would have left a gap.</summary>
        public bool GapAvoided { get; set; }
        /// <summary>How long the user was without any licence before this run came (the reconciler ran too late); null when never.</summary>
        public double? GapSeconds { get; set; }
        public string Detail { get; set; } = "";
        /// <summary>What to do about a failure or a wait; empty otherwise.</summary>
        public string Remedy { get; set; } = "";
        /// <summary>The run's id in the change journal: Get-LicenseChangeLog -CorrelationId shows every write.</summary>
        public Guid? CorrelationId { get; set; }

        public override string ToString() => $"{UserPrincipalName ?? UserId.ToString()}: {FromTier} > {ToTier} ({Outcome})";
    }
}
