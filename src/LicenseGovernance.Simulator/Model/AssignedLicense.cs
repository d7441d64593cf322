using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model
{
    public sealed class AssignedLicense
    {
        public Guid SkuId { get; set; }

        public List<Guid> DisabledPlans { get; set; } = new List<Guid>();
    }
}
