namespace LicenseGovernance.Requests
{
    /// <summary>Get-DirectLicenseAssignment.</summary>
    public sealed class GetDirectLicenseAssignmentRequest
    {
        /// <summary>Part numbers, ids or product names; null for every SKU users hold.</summary>
        public string[]? Sku { get; set; }
        /// <summary>User principal names or ids; null for every user.</summary>
        public string[]? User { get; set; }
        public bool Summary { get; set; }
    }

    /// <summary>Move-DirectToGroupLicense.</summary>
    public sealed class MoveDirectToGroupLicenseRequest
    {
        public const int MaxBatchSize = 10000;
        /// <summary>A week: longer than Entra takes to process any group, short of waiting forever.</summary>
        public const int MaxWaitTimeoutSeconds = 604800;

        public string Sku { get; set; } = "";
        public string Group { get; set; } = "";
        /// <summary>User principal names or ids; null for every user who holds the SKU directly.</summary>
        public string[]? User { get; set; }
        /// <summary>Direct assignments removed per wave, so a problem shows on a subset first.</summary>
        public int BatchSize { get; set; } = 100;
        /// <summary>At most this many users are worked on in this run; the rest wait for the next.</summary>
        public int? MaxUsers { get; set; }
        /// <summary>How long to wait for the group's licence processing.</summary>
        public int WaitTimeoutSeconds { get; set; } = 3600;
        /// <summary>Migrate users whose direct assignment enables other plans than the group's.</summary>
        public bool AcceptPlanDifference { get; set; }
        /// <summary>Write only the run's <see cref="DirectToGroupMigrationSummary"/> instead of one result per user: one type per stream.</summary>
        public bool Summary { get; set; }
        /// <summary>The command runs under -WhatIf (the summary says so; a declined confirmation is not -WhatIf).</summary>
        public bool WhatIf { get; set; }
    }
}
