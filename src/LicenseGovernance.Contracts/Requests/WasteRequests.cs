namespace LicenseGovernance.Requests
{
    /// <summary>Get-ZombieLicense and Get-LicenseUtilization.</summary>
    public sealed class GetZombieLicenseRequest
    {
        public const int MinInactiveDays = 1;
        public const int MaxInactiveDays = 3650;

        /// <summary>Days without a successful sign-in after which a user counts as inactive; new accounts get as many days of grace.</summary>
        public int InactiveDays { get; set; } = 90;
        /// <summary>Reasons to report; null or empty for all.</summary>
        public ZombieReason[]? Reason { get; set; }
        /// <summary>Part numbers, ids or product names; null for every SKU.</summary>
        public string[]? Sku { get; set; }
        public bool IncludeGuests { get; set; }
    }

    /// <summary>Remove-ZombieLicense.</summary>
    public sealed class RemoveZombieLicenseRequest
    {
        public ZombieLicense[] Licenses { get; set; } = System.Array.Empty<ZombieLicense>();
        /// <summary>Users and SKUs named rather than piped from Get-ZombieLicense (for example a reviewed CSV); each is judged before anything is removed.</summary>
        public ZombieLicenseTarget[] Targets { get; set; } = System.Array.Empty<ZombieLicenseTarget>();
        /// <summary>The inactivity threshold for <see cref="Targets"/> (piped licences carry the one their search used).</summary>
        public int InactiveDays { get; set; } = 90;
        /// <summary>Also remove licences that carry an Exchange Online mailbox (the mailbox becomes inaccessible and is deleted after 30 days).</summary>
        public bool IncludeMailboxLicenses { get; set; }
        /// <summary>Recorded with access package removals.</summary>
        public string? Justification { get; set; }
        /// <summary>Write only the run's <see cref="ZombieLicenseRemovalSummary"/> instead of one result per licence: one type per stream.</summary>
        public bool Summary { get; set; }
        /// <summary>The command runs under -WhatIf (the summary says so; a declined confirmation is not -WhatIf).</summary>
        public bool WhatIf { get; set; }
    }

    /// <summary>One user (id or user principal name) and SKU (part number, id or product name) for Remove-ZombieLicense -User -Sku.</summary>
    public sealed class ZombieLicenseTarget
    {
        public string User { get; set; } = "";
        public string Sku { get; set; } = "";
    }
}
