using System;

namespace LicenseGovernance
{
    /// <summary>One way one user stands outside "exactly one tier", with what to do about it (Get-LicenseTierConflict).</summary>
    public sealed class TierConflict
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public TierConflictKind Kind { get; set; }
        /// <summary>The tier groups involved (names).</summary>
        public ItemList<string> Tiers { get; set; } = new ItemList<string>();
        /// <summary>The SKUs involved (part numbers).</summary>
        public ItemList<string> Skus { get; set; } = new ItemList<string>();
        public string Detail { get; set; } = "";
        public string Remedy { get; set; } = "";
    }
}
