using System;

namespace LicenseGovernance
{
    /// <summary>What Remove-TierAccessPackage did: each holder's move, and whether the package and its objects were deleted.</summary>
    public sealed class TierAccessPackageRemoval
    {
        public string Name { get; set; } = "";
        public Guid Id { get; set; }
        public string Catalog { get; set; } = "";
        /// <summary>The group whose Member role the package granted.</summary>
        public string? TierGroup { get; set; }
        /// <summary>The package is deleted; false when a holder could not be moved or an assignment was not gone in time.</summary>
        public bool Removed { get; set; }
        /// <summary>Each user who held an assignment, and their move (under -Force).</summary>
        public ItemList<TierMoveResult> Holders { get; set; } = new ItemList<TierMoveResult>();
        /// <summary>The Graph objects deleted, in order.</summary>
        public ItemList<AccessPackageChange> Deleted { get; set; } = new ItemList<AccessPackageChange>();
        public string Detail { get; set; } = "";
        /// <summary>What to do when the package was not removed; empty otherwise.</summary>
        public string Remedy { get; set; } = "";
        /// <summary>The run's id in the change journal: Get-LicenseChangeLog -CorrelationId shows every write.</summary>
        public Guid CorrelationId { get; set; }
    }
}
