using System;

namespace LicenseGovernance
{
    /// <summary>What Move-DirectToGroupLicense did (or, under -WhatIf, would do) for one user.</summary>
    public sealed class DirectToGroupMigrationResult
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public string? SkuPartNumber { get; set; }
        public string GroupName { get; set; } = "";
        /// <summary>Migrated, Skipped, Failed, Pending (not verifiable yet; run again), or Planned (-WhatIf).</summary>
        public MigrationOutcome Outcome { get; set; }
        /// <summary>A short code: AddedToGroup, AlreadyMember, PlanDifference, InheritedInError, InheritedNotActive, NotInDynamicGroup, ...</summary>
        public string Reason { get; set; } = "";
        /// <summary>What happened or why, in words.</summary>
        public string Detail { get; set; } = "";
        /// <summary>How to clear a skip or failure; empty otherwise.</summary>
        public string Remedy { get; set; } = "";
        /// <summary>The journal's correlation id for the run: <c>Undo-LicenseChange -CorrelationId</c> puts its direct assignments back.</summary>
        public Guid? CorrelationId { get; set; }
    }

    /// <summary>The whole run of Move-DirectToGroupLicense: counts, requests and pacing.</summary>
    public sealed class DirectToGroupMigrationSummary
    {
        public string? SkuPartNumber { get; set; }
        public string GroupName { get; set; } = "";
        /// <summary>Users found holding the SKU directly (and asked about, with -User).</summary>
        public int DirectUsers { get; set; }
        /// <summary>Users who already hold the SKU only through the group (migrated before).</summary>
        public int AlreadyMigrated { get; set; }
        public int AddedToGroup { get; set; }
        public int Migrated { get; set; }
        public int Skipped { get; set; }
        public int Failed { get; set; }
        public int Pending { get; set; }
        /// <summary>Users left for a later run because of -MaxUsers.</summary>
        public int Deferred { get; set; }
        /// <summary>Writes sent to Graph (membership requests plus removal items).</summary>
        public long Writes { get; set; }
        /// <summary>Throttled (429) responses, items of a batch counted one by one.</summary>
        public long Throttled { get; set; }
        public TimeSpan Elapsed { get; set; }
        /// <summary>Writes per second over the run.</summary>
        public double WritesPerSecond { get; set; }
        /// <summary>False when the run stopped early (Ctrl+C, timeout) or under -WhatIf.</summary>
        public bool Completed { get; set; }
        public bool WhatIf { get; set; }
        /// <summary>What to run next, when anything is left.</summary>
        public string? NextStep { get; set; }
        /// <summary>The journal's correlation id for the run, for <c>Undo-LicenseChange -CorrelationId</c>.</summary>
        public Guid? CorrelationId { get; set; }
    }
}
