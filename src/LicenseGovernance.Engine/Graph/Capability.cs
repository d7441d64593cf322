using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>Something the module does against Graph, and the permissions and tenant licence it needs (graph-contract §9).</summary>
    public sealed class Capability
    {
        public Capability(
            string key,
            string name,
            string[] commands,
            string delegatedPermission,
            string applicationPermission,
            string[]? broaderPermissions = null,
            string? tenantLicense = null,
            string? notes = null,
            string[]? alsoRequires = null,
            string? plannedFor = null)
        {
            Key = key;
            Name = name;
            Commands = commands;
            DelegatedPermission = delegatedPermission;
            ApplicationPermission = applicationPermission;
            BroaderPermissions = broaderPermissions ?? Array.Empty<string>();
            TenantLicense = tenantLicense;
            Notes = notes;
            AlsoRequires = alsoRequires ?? Array.Empty<string>();
            PlannedFor = plannedFor;
        }

        public string Key { get; }
        public string Name { get; }

        /// <summary>The module's cmdlets that use the capability (only cmdlets it exports; a test holds it to the manifest).</summary>
        public string[] Commands { get; }

        /// <summary>
        /// For a capability no cmdlet uses yet: the feature that will, so a consent granted now can cover it. Null once
        /// <see cref="Commands"/> names a cmdlet.
        /// </summary>
        public string? PlannedFor { get; }

        /// <summary>What the permission check shows: the cmdlets, or the feature still to come.</summary>
        public string CommandsText => Commands.Length > 0 ? string.Join(", ", Commands) : "none yet (planned: " + PlannedFor + ")";

        public string DelegatedPermission { get; }
        public string ApplicationPermission { get; }

        /// <summary>Permissions that also satisfy the capability, least privileged first (for example Directory.Read.All for User.Read.All).</summary>
        public string[] BroaderPermissions { get; }

        /// <summary>The tenant licence Graph demands for it, or null.</summary>
        public string? TenantLicense { get; }

        public string? Notes { get; }

        /// <summary>
        /// Keys of capabilities needed alongside this one. Graph wants two permissions for some operations (signInActivity:
        /// User.Read.All and AuditLog.Read.All); each permission is its own capability, so each gets its own check row.
        /// </summary>
        public string[] AlsoRequires { get; }

        public string PermissionFor(bool appOnly) => appOnly ? ApplicationPermission : DelegatedPermission;

        public IReadOnlyList<string> AcceptedPermissions(bool appOnly)
        {
            var accepted = new List<string> { PermissionFor(appOnly) };
            foreach (var broader in BroaderPermissions)
            {
                if (!accepted.Contains(broader, StringComparer.OrdinalIgnoreCase))
                {
                    accepted.Add(broader);
                }
            }

            return accepted;
        }

        public override string ToString() => Key;
    }
}
