using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>
    /// The Entra built-in roles the simulator knows, by their fixed template ids (Entra "built-in roles" reference): tokens
    /// carry them as the wids claim, as Entra does for a signed-in user's directory roles.
    /// </summary>
    public static class DirectoryRoles
    {
        public const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

        public const string IdentityGovernanceAdministrator = "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e";

        public const string UserAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1";

        public const string LicenseAdministrator = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";

        private static readonly Dictionary<string, string> Names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Global Administrator"] = GlobalAdministrator,
            ["Identity Governance Administrator"] = IdentityGovernanceAdministrator,
            ["User Administrator"] = UserAdministrator,
            ["License Administrator"] = LicenseAdministrator,
        };

        /// <summary>
        /// Roles that administer entitlement management in every catalog (entitlement-management delegation: Global
        /// Administrator, Identity Governance Administrator, and User Administrator for catalogs and packages). A delegated
        /// caller without one of them reads and writes only what the user views and policies give it.
        /// </summary>
        public static readonly IReadOnlyCollection<string> EntitlementAdministrators = new[] { GlobalAdministrator, IdentityGovernanceAdministrator, UserAdministrator };

        /// <summary>A role's template id from its display name or the id itself.</summary>
        public static string TemplateId(string role)
        {
            if (Names.TryGetValue(role?.Trim() ?? "", out var id))
            {
                return id;
            }

            return Names.Values.FirstOrDefault(v => string.Equals(v, role?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"The simulator knows no directory role '{role}'; it knows {string.Join(", ", Names.Keys)}.", nameof(role));
        }

        public static bool AdministersEntitlements(IEnumerable<string> roleIds) => roleIds.Any(r => EntitlementAdministrators.Contains(r, StringComparer.OrdinalIgnoreCase));
    }
}
