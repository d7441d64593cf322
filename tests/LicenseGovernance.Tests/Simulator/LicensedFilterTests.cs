using System.Net;
using LicenseGovernance.Simulator.Model;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>
/// The two filters the module relies on to leave the unlicensed out (docs/ARCHITECTURE.md, research 17 §5): on users
/// assignedLicenses/$count ne 0, an advanced query refused as Graph refuses it without ConsistencyLevel and $count=true;
/// on groups the documented assignedLicenses/any(x:x/skuId eq …), which needs neither.
/// </summary>
public sealed class LicensedFilterTests
{
    private const string LicensedUsers = "users?$select=id,userPrincipalName&$filter=assignedLicenses/$count ne 0";

    [Fact]
    public async Task LicensedUsers_AreRefusedWithoutTheAdvancedQueryHeaderOrCount_AndFilteredWithBoth()
    {
        var (tenant, alice, e3) = SmallTenant();
        tenant.Store.AssignLicense(alice.Id, e3.SkuId);
        tenant.Store.AddUser("bob@contoso.onmicrosoft.com");
        using var client = Client(tenant);

        var bare = await client.GetAsync(LicensedUsers);
        var headerOnly = new HttpRequestMessage(HttpMethod.Get, LicensedUsers);
        headerOnly.Headers.Add("ConsistencyLevel", "eventual");
        var countOnly = await client.GetAsync(LicensedUsers + "&$count=true");
        var advanced = new HttpRequestMessage(HttpMethod.Get, LicensedUsers + "&$count=true");
        advanced.Headers.Add("ConsistencyLevel", "eventual");

        foreach (var refused in new[] { bare, await client.SendAsync(headerOnly), countOnly })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(("Request_UnsupportedQuery", "Unsupported Query."), await ReadError(refused));
        }

        var page = await ReadJson(await client.SendAsync(advanced));
        Assert.Equal(1, page.GetProperty("@odata.count").GetInt32());
        Assert.Equal(alice.Id.ToString(), Assert.Single(page.GetProperty("value").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GroupsCarryingASku_AreListedWithoutAdvancedQuery_OthersLeftOut()
    {
        var (tenant, _, e3) = SmallTenant();
        var e5 = tenant.Store.AddSku("SPE_E5", 2);
        var licensed = tenant.Store.AddGroup("LIC-E3", g => g.AssignedLicenses.Add(new AssignedLicense { SkuId = e3.SkuId }));
        tenant.Store.AddGroup("LIC-E5", g => g.AssignedLicenses.Add(new AssignedLicense { SkuId = e5.SkuId }));
        tenant.Store.AddGroup("Project");
        using var client = Client(tenant);

        var page = await ReadJson(await client.GetAsync($"groups?$select=id,assignedLicenses&$filter=assignedLicenses/any(x:x/skuId eq {e3.SkuId})"));

        Assert.Equal(licensed.Id.ToString(), Assert.Single(page.GetProperty("value").EnumerateArray()).GetProperty("id").GetString());
    }
}
