namespace LicenseGovernance.Requests
{
    /// <summary>Get-UserLicense.</summary>
    public sealed class GetUserLicenseRequest
    {
        /// <summary>User principal names or ids; null for every licensed user (or, with <see cref="Tier"/> or <see cref="Unlicensed"/>, every user of the tier system).</summary>
        public string[]? User { get; set; }
        /// <summary>Part numbers, ids, product names or wildcards; null for every SKU.</summary>
        public string[]? Sku { get; set; }
        /// <summary>A tier group's name or id: only users of that tier.</summary>
        public string? Tier { get; set; }
        /// <summary>Users of the tier system (tier group members, tier access package holders) who hold no licence that works.</summary>
        public bool Unlicensed { get; set; }
    }
}
