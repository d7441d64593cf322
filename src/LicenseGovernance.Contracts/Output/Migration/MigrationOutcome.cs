namespace LicenseGovernance
{
    /// <summary>What Move-DirectToGroupLicense did, or would do, for one user.</summary>
    public enum MigrationOutcome
    {
        /// <summary>-WhatIf: what the run would do.</summary>
        Planned,
        /// <summary>The direct assignment is gone and the user holds the licence through the group.</summary>
        Migrated,
        /// <summary>Left untouched, with the reason.</summary>
        Skipped,
        /// <summary>Graph refused a step; the direct assignment was kept.</summary>
        Failed,
        /// <summary>The inherited licence could not be verified yet; run again.</summary>
        Pending,
    }
}
