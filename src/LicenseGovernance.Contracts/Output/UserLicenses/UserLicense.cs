using System;

namespace LicenseGovernance
{
    /// <summary>
    /// What a user holds of one SKU and why (Get-UserLicense): every way it arrives, the plans it enables over all of
    /// them, its state and error, and the user's tier. With -Unlicensed, a user of the tier system who holds nothing:
    /// then the SKU is empty.
    /// </summary>
    public sealed class UserLicense
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        /// <summary>The user's tier group: the highest-ranked tier that licenses the user, whose access package the user holds, or (with -Tier and -Unlicensed) whose members list the user.</summary>
        public string? Tier { get; set; }
        public int? TierRank { get; set; }
        /// <summary>Empty for a user who holds nothing (-Unlicensed).</summary>
        public Guid? SkuId { get; set; }
        public string? SkuPartNumber { get; set; }
        /// <summary>Friendly product name from the catalogue.</summary>
        public string? ProductName { get; set; }
        /// <summary>
        /// Active when a way works (ActiveWithError when the only working one does so with an error); otherwise the worst
        /// state among the ways (Error, then Disabled). Null for a user who holds nothing.
        /// </summary>
        public string? State { get; set; }
        /// <summary>The first error among the ways (CountViolation, MutuallyExclusiveViolation, ...); null when there is none.</summary>
        public string? Error { get; set; }
        /// <summary>The service plans the user can use, as friendly names: the union over every way that works (over all of them when none works yet).</summary>
        public ItemList<string> EnabledPlans { get; set; } = new ItemList<string>();
        /// <summary>Each way the licence arrives, with its own state, error and disabled plans.</summary>
        public ItemList<UserLicensePath> Paths { get; set; } = new ItemList<UserLicensePath>();
    }
}
