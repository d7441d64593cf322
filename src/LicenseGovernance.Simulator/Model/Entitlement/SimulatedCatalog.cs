using System;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>An accessPackageCatalog: a container of resources and the access packages built from them.</summary>
    public sealed class SimulatedCatalog
    {
        public Guid Id { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public string? Description { get; set; }

        public bool IsExternallyVisible { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public DateTimeOffset ModifiedDateTime { get; set; }
    }
}
