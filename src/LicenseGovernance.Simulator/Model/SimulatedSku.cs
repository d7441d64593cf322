using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model
{
    public sealed class SimulatedSku
    {
        public Guid SkuId { get; set; }

        public string SkuPartNumber { get; set; } = string.Empty;

        public string AppliesTo { get; set; } = "User";

        public string CapabilityStatus { get; set; } = "Enabled";

        public int PrepaidEnabled { get; set; }

        public int PrepaidSuspended { get; set; }

        public int PrepaidWarning { get; set; }

        public int PrepaidLockedOut { get; set; }

        public List<SimulatedServicePlan> ServicePlans { get; set; } = new List<SimulatedServicePlan>();

        public List<string> SubscriptionIds { get; set; } = new List<string>();

        /// <summary>Users holding the SKU from any source, each counted once. Maintained by the store; not serialised.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public int ConsumedUnits { get; internal set; }

        internal SimulatedServicePlan? FindPlan(Guid planId) => ServicePlans.Find(p => p.ServicePlanId == planId);
    }
}
