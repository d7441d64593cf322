using System;
using System.Collections.Generic;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    public sealed partial class TenantStore
    {
        /// <summary>
        /// Gives a user an Entra role (by display name or template id). Tokens issued afterwards carry it, as Entra's do:
        /// a token already issued keeps the roles it was issued with.
        /// </summary>
        public void AssignDirectoryRole(string user, string role)
        {
            var id = DirectoryRoles.TemplateId(role);
            Write(() =>
            {
                var found = FindUserCore(user, null) ?? throw new ArgumentException($"The simulated tenant has no user '{user}'.", nameof(user));
                if (!found.DirectoryRoleIds.Contains(id))
                {
                    found.DirectoryRoleIds.Add(id);
                }

                return 0;
            });
        }

        /// <summary>The template ids of the roles <paramref name="user"/> holds; none for an unknown user.</summary>
        public IReadOnlyList<string> DirectoryRolesOf(string user) =>
            Read(() => (IReadOnlyList<string>?)FindUserCore(user, null)?.DirectoryRoleIds.ToArray() ?? Array.Empty<string>());
    }
}
