using System;
using System.Collections.Generic;

namespace LicenseGovernance
{
    /// <summary>One SKU a plan assigns, with the service plans it leaves off, as ids.</summary>
    public sealed class PlannedLicense
    {
        public Guid SkuId { get; set; }
        public ItemList<Guid> DisabledPlans { get; set; } = new ItemList<Guid>();

        public override string ToString() => DisabledPlans.Count == 0 ? SkuId.ToString() : $"{SkuId} without {DisabledPlans}";
    }
}
