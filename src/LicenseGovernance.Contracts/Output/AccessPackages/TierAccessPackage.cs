using System;

namespace LicenseGovernance
{
    /// <summary>A tier's access package and a readable summary of its assignment policy.</summary>
    public sealed class TierAccessPackage
    {
        public string Name { get; set; } = "";
        public Guid Id { get; set; }
        public string Catalog { get; set; } = "";
        public Guid CatalogId { get; set; }
        /// <summary>The group whose Member role the package grants.</summary>
        public string? TierGroup { get; set; }
        public Guid? TierGroupId { get; set; }
        public int? Tier { get; set; }
        public bool IsException { get; set; }
        public string? Description { get; set; }
        public Guid? PolicyId { get; set; }
        public string? PolicyName { get; set; }
        /// <summary>For example "All members (no guests)" or "Members of LIC-Requestors".</summary>
        public string WhoCanRequest { get; set; } = "";
        /// <summary>For example "Manager, then lic-admins (14 days per stage)".</summary>
        public string Approval { get; set; } = "";
        public bool RequestorJustification { get; set; }
        /// <summary>For example "365 days".</summary>
        public string Expiration { get; set; } = "";
        public bool CustomEndDate { get; set; }
        /// <summary>Not allowed, With approval, or Without approval.</summary>
        public string Extension { get; set; } = "";
        /// <summary>For example "Annual by Manager", or None.</summary>
        public string AccessReview { get; set; } = "";
        public bool SelfService { get; set; }
        /// <summary>Where users request the package (My Access).</summary>
        public string MyAccessLink { get; set; } = "";
        /// <summary>Created, Updated or Unchanged, from New-TierAccessPackage; null from Get-TierAccessPackage.</summary>
        public TierAccessPackageResult? Result { get; set; }
    }
}
