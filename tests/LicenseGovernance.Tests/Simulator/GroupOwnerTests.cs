using System.Net;
using LicenseGovernance.Simulator;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Group owners: GET /groups/{id}/owners, POST /groups/{id}/owners/$ref, DELETE /groups/{id}/owners/{id}/$ref.</summary>
public class GroupOwnerTests
{
    [Fact]
    public async Task OwnersAreAddedListedAndRemoved_AsGraphDoes()
    {
        var (tenant, alice, _) = SmallTenant();
        var group = tenant.Store.AddGroup("LIC-Owned");
        using var client = Client(tenant);

        var empty = await ReadJson(await client.GetAsync($"groups/{group.Id}/owners?$select=id&$top=1"));
        Assert.Equal(0, empty.GetProperty("value").GetArrayLength());

        var add = await client.PostAsync($"groups/{group.Id}/owners/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{alice.Id}" }));
        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        var twice = await client.PostAsync($"groups/{group.Id}/owners/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{alice.Id}" }));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        var owners = await ReadJson(await client.GetAsync($"groups/{group.Id}/owners?$select=id,userPrincipalName"));
        var owner = Assert.Single(owners.GetProperty("value").EnumerateArray());
        Assert.Equal(alice.Id.ToString(), owner.GetProperty("id").GetString());
        Assert.Equal("#microsoft.graph.user", owner.GetProperty("@odata.type").GetString());

        var snapshot = Path.Combine(Path.GetTempPath(), "lg-owners-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            tenant.SaveSnapshot(snapshot);
            Assert.Equal(new[] { alice.Id }, SimulatedTenant.LoadSnapshot(snapshot).Store.Groups.Single(g => g.Id == group.Id).Owners);
        }
        finally
        {
            File.Delete(snapshot);
        }

        // Once a group has owners, Graph refuses to remove the last one.
        var last = await client.DeleteAsync($"groups/{group.Id}/owners/{alice.Id}/$ref");
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("The group must have at least one owner, hence this owner cannot be removed.", await last.Content.ReadAsStringAsync());
        Assert.Equal(new[] { alice.Id }, tenant.Store.Groups.Single(g => g.Id == group.Id).Owners);

        var bob = tenant.Store.AddUser("bob@contoso.onmicrosoft.com");
        tenant.Store.AddOwner(group.Id, bob.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"groups/{group.Id}/owners/{alice.Id}/$ref")).StatusCode);
        Assert.Equal(new[] { bob.Id }, tenant.Store.Groups.Single(g => g.Id == group.Id).Owners);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"groups/{group.Id}/owners/{alice.Id}/$ref")).StatusCode);
    }

    [Fact]
    public async Task AddingAnOwnerNeedsGroupReadWriteAll_ReadingNeedsOnlyReads()
    {
        var (tenant, alice, _) = SmallTenant();
        var group = tenant.Store.AddGroup("LIC-Owned");
        var reader = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "GroupMember.ReadWrite.All", "User.Read.All" });
        using var client = Client(tenant, reader);

        var add = await client.PostAsync($"groups/{group.Id}/owners/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{alice.Id}" }));

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"groups/{group.Id}/owners")).StatusCode);
    }
}
