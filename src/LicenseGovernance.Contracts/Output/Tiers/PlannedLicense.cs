using System;
using System.Collections.Generic;

namespace LicenseGovernance
{
    /// <summary>One SKU a plan assigns, with the service plans it leaves off, as ids.</summary>
    public sealed class PlannedLicense
    {
        public Guid SkuId { get; set; }
        public List<Guid> DisabledPlans { get; set; } = new List<Guid>();
    }
}
