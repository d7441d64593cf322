using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>The tenant's entitlement management state, as snapshots store it.</summary>
    public sealed class EntitlementState
    {
        public List<SimulatedCatalog> Catalogs { get; set; } = new List<SimulatedCatalog>();

        public List<SimulatedCatalogResource> Resources { get; set; } = new List<SimulatedCatalogResource>();

        public List<SimulatedAccessPackage> AccessPackages { get; set; } = new List<SimulatedAccessPackage>();

        public List<SimulatedAssignmentPolicy> Policies { get; set; } = new List<SimulatedAssignmentPolicy>();

        public List<SimulatedAssignmentRequest> Requests { get; set; } = new List<SimulatedAssignmentRequest>();

        public List<SimulatedAssignment> Assignments { get; set; } = new List<SimulatedAssignment>();

        /// <summary>The access reviews the policies' reviewSettings created, with their instances and decisions.</summary>
        public List<SimulatedAccessReview> Reviews { get; set; } = new List<SimulatedAccessReview>();
    }
}
