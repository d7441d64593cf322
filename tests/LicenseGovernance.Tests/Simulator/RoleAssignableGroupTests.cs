using System.Net;
using LicenseGovernance.Simulator;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>
/// Role-assignable groups (isAssignableToRole): changing their membership needs RoleManagement.ReadWrite.Directory as well as
/// GroupMember.ReadWrite.All (graph-contract §9; Graph's "Add members" and "Remove member" pages). Without it Graph answers 403.
/// </summary>
public class RoleAssignableGroupTests
{
    [Fact]
    public async Task MembershipChangesNeedRoleManagementAsWell_AsGraphDoes()
    {
        var (tenant, alice, _) = SmallTenant();
        var bob = tenant.Store.AddUser("bob@contoso.onmicrosoft.com");
        var admins = tenant.Store.AddGroup("LIC-Admins", g =>
        {
            g.IsAssignableToRole = true;
            g.Members.Add(alice.Id);
        });
        var plain = tenant.Store.AddGroup("LIC-Plain", g => g.Members.Add(alice.Id));
        var groupsOnly = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Groups only", null, new[] { "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All" });
        using (var client = Client(tenant, groupsOnly))
        {
            var remove = await client.DeleteAsync($"groups/{admins.Id}/members/{alice.Id}/$ref");
            Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
            Assert.Equal(("Authorization_RequestDenied", "Insufficient privileges to complete the operation."), await ReadError(remove));
            var add = await client.PostAsync($"groups/{admins.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{bob.Id}" }));
            Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
            Assert.Equal(new[] { alice.Id }, tenant.Store.Groups.Single(g => g.Id == admins.Id).Members);

            // An ordinary group is unaffected.
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"groups/{plain.Id}/members/{alice.Id}/$ref")).StatusCode);
            var read = await ReadJson(await client.GetAsync($"groups/{admins.Id}?$select=id,isAssignableToRole"));
            Assert.True(read.GetProperty("isAssignableToRole").GetBoolean());
        }

        var roles = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Groups and roles", null, new[] { "GroupMember.ReadWrite.All", "RoleManagement.ReadWrite.Directory" });
        using (var client = Client(tenant, roles))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"groups/{admins.Id}/members/{alice.Id}/$ref")).StatusCode);
            Assert.Empty(tenant.Store.Groups.Single(g => g.Id == admins.Id).Members);
        }

        // RoleManagement alone is not enough: the membership permission is still needed.
        var rolesOnly = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Roles only", null, new[] { "Group.Read.All", "RoleManagement.ReadWrite.Directory" });
        using (var client = Client(tenant, rolesOnly))
        {
            var add = await client.PostAsync($"groups/{admins.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{bob.Id}" }));
            Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        }
    }
}
