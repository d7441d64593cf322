using System;

namespace LicenseGovernance
{
    /// <summary>How one user holds one SKU: directly, inherited from groups, or both (Get-DirectLicenseAssignment).</summary>
    public sealed class DirectLicenseAssignment
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public Guid SkuId { get; set; }
        public string? SkuPartNumber { get; set; }
        /// <summary>Direct, Inherited or Both.</summary>
        public string Assignment { get; set; } = "";
        /// <summary>Display names of the groups the SKU is inherited from (empty when only direct).</summary>
        public ItemList<string> InheritedFrom { get; set; } = new ItemList<string>();
        public ItemList<Guid> InheritedGroupIds { get; set; } = new ItemList<Guid>();
        /// <summary>For Both: whether the inherited assignments enable exactly the plans the direct one enables; null otherwise.</summary>
        public bool? PlanParity { get; set; }
        /// <summary>Plans the direct assignment enables and the inherited ones do not (names).</summary>
        public ItemList<string> OnlyDirectPlans { get; set; } = new ItemList<string>();
        /// <summary>Plans the inherited assignments enable and the direct one does not (names).</summary>
        public ItemList<string> OnlyInheritedPlans { get; set; } = new ItemList<string>();
        /// <summary>Plans the direct assignment leaves off (names); empty when inherited only.</summary>
        public ItemList<string> DirectDisabledPlans { get; set; } = new ItemList<string>();
        /// <summary>The inherited assignment's state (Active, ActiveWithError, Error, Disabled; the worst when several groups); null when only direct.</summary>
        public string? InheritedState { get; set; }
        /// <summary>The inherited assignment's error (CountViolation, ...), or null.</summary>
        public string? InheritedError { get; set; }
    }

    /// <summary>Counts per SKU of how users hold it (Get-DirectLicenseAssignment -Summary).</summary>
    public sealed class DirectLicenseSummary
    {
        public Guid SkuId { get; set; }
        public string? SkuPartNumber { get; set; }
        public int Users { get; set; }
        public int DirectOnly { get; set; }
        public int InheritedOnly { get; set; }
        public int Both { get; set; }
        /// <summary>Users holding it both ways whose direct and inherited assignments enable different plans.</summary>
        public int BothWithPlanDifference { get; set; }
        /// <summary>Users whose inherited assignment is in an error state.</summary>
        public int InheritedInError { get; set; }
    }
}
