using System;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>
    /// The demo tenant's Entra role holders, chosen from the seeded users without touching the random stream (so the rest
    /// of the tenant stays as it was): IT's manager is the Global Administrator; the first systems administrator is the
    /// licence administrator of documents 000 and 002 (License Administrator and Identity Governance Administrator, so they
    /// run the tier packages); the first service desk analyst is a User Administrator. Everyone else holds no role.
    /// </summary>
    internal static class DemoRoleSeeder
    {
        public static void Seed(TenantStore store)
        {
            Give(store, "IT Manager", DirectoryRoles.GlobalAdministrator);
            Give(store, "Systems Administrator", DirectoryRoles.LicenseAdministrator, DirectoryRoles.IdentityGovernanceAdministrator);
            Give(store, "Service Desk Analyst", DirectoryRoles.UserAdministrator);
        }

        private static void Give(TenantStore store, string jobTitle, params string[] roles)
        {
            var holder = store.UserList.FirstOrDefault(u => u.AccountEnabled && u.UserType == "Member" && string.Equals(u.JobTitle, jobTitle, StringComparison.Ordinal));
            holder?.DirectoryRoleIds.AddRange(roles);
        }
    }
}
