using System;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    public sealed class CatalogServicePlan
    {
        public CatalogServicePlan(Guid servicePlanId, string servicePlanName, string friendlyName)
        {
            ServicePlanId = servicePlanId;
            ServicePlanName = servicePlanName;
            FriendlyName = friendlyName;
        }

        public Guid ServicePlanId { get; }
        /// <summary>The code name Graph returns, such as EXCHANGE_S_ENTERPRISE.</summary>
        public string ServicePlanName { get; }
        public string FriendlyName { get; }

        public override string ToString() => ServicePlanName;
    }
}
