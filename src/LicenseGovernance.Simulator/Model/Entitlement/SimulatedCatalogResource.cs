using System;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>
    /// A group onboarded to a catalog (accessPackageResource), with the two roles a group offers (Member, Owner) and its
    /// root scope. The ids of the roles and the scope are stable for the resource's life, as in Graph.
    /// </summary>
    public sealed class SimulatedCatalogResource
    {
        public Guid Id { get; set; }

        public Guid CatalogId { get; set; }

        /// <summary>The group's object id.</summary>
        public Guid OriginId { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public Guid MemberRoleId { get; set; }

        public Guid OwnerRoleId { get; set; }

        public Guid ScopeId { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }
    }
}
