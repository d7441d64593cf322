using System;

namespace LicenseGovernance.Simulator.Model
{
    public sealed class SimulatedServicePlan
    {
        public Guid ServicePlanId { get; set; }

        public string ServicePlanName { get; set; } = string.Empty;

        /// <summary>The assignedPlan.service value, for example "exchange" or "SharePoint".</summary>
        public string Service { get; set; } = string.Empty;

        public string AppliesTo { get; set; } = "User";

        public string ProvisioningStatus { get; set; } = "Success";
    }
}
