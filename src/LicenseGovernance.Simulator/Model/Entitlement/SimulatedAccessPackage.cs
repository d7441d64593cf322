using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    public sealed class SimulatedAccessPackage
    {
        public Guid Id { get; set; }

        public Guid CatalogId { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public string? Description { get; set; }

        public bool IsHidden { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public DateTimeOffset ModifiedDateTime { get; set; }

        public List<SimulatedRoleScope> RoleScopes { get; set; } = new List<SimulatedRoleScope>();
    }

    /// <summary>A role of a catalog resource granted by an access package (accessPackageResourceRoleScope).</summary>
    public sealed class SimulatedRoleScope
    {
        public Guid ResourceId { get; set; }

        public Guid RoleId { get; set; }

        public Guid ScopeId { get; set; }

        /// <summary>"Member" or "Owner".</summary>
        public string RoleName { get; set; } = "Member";

        public DateTimeOffset CreatedDateTime { get; set; }

        /// <summary>Graph's id for a role scope: the role's id and the scope's id joined by an underscore.</summary>
        public string Id => RoleId + "_" + ScopeId;
    }
}
