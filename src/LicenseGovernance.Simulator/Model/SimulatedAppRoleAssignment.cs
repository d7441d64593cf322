using System;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>An app role granted to a group (appRoleAssignment): the group is the principal, a service principal the resource.</summary>
    public sealed class SimulatedAppRoleAssignment
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The default access role (all zeros) when the application defines no roles.</summary>
        public Guid AppRoleId { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public Guid PrincipalId { get; set; }

        public string? PrincipalDisplayName { get; set; }

        public string PrincipalType { get; set; } = "Group";

        /// <summary>The service principal of the application.</summary>
        public Guid ResourceId { get; set; }

        public string? ResourceDisplayName { get; set; }
    }
}
