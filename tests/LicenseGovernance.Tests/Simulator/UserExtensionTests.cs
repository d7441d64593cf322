using System.Net;
using LicenseGovernance.Simulator;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Open extensions on users behave as on groups: create, read, replace, delete, and 409 for a name taken.</summary>
public class UserExtensionTests
{
    private const string ReturnExtension = "com.licensegovernance.tierReturn";

    [Fact]
    public async Task A_user_open_extension_round_trips_through_the_Graph_SDK_and_a_second_POST_is_409()
    {
        var (tenant, alice, _) = SmallTenant();
        var extensions = Sdk(tenant).Users[alice.Id.ToString()].Extensions;

        var created = Assert.IsType<OpenTypeExtension>(await extensions.PostAsync(new OpenTypeExtension
        {
            ExtensionName = ReturnExtension,
            AdditionalData = new Dictionary<string, object> { ["until"] = "2027-02-01T00:00:00Z" },
        }));
        Assert.Equal(ReturnExtension, created.Id);

        var duplicate = await Assert.ThrowsAsync<ODataError>(() => extensions.PostAsync(new OpenTypeExtension { ExtensionName = ReturnExtension }));
        Assert.Equal(409, duplicate.ResponseStatusCode);
        Assert.Equal("An extension already exists with given id.", duplicate.Error!.Message);

        await extensions[ReturnExtension].PatchAsync(new OpenTypeExtension { ExtensionName = ReturnExtension, AdditionalData = new Dictionary<string, object> { ["until"] = "2027-03-01T00:00:00Z" } });
        Assert.IsType<OpenTypeExtension>(await extensions[ReturnExtension].GetAsync());
        Assert.Equal(ReturnExtension, Assert.Single((await extensions.GetAsync())!.Value!).Id);
        Assert.Equal("2027-03-01T00:00:00Z", tenant.Store.FindUserExtension(alice.Id, ReturnExtension)!.Properties["until"].GetString());

        await extensions[ReturnExtension].DeleteAsync();
        var missing = await Assert.ThrowsAsync<ODataError>(() => extensions[ReturnExtension].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Null(tenant.Store.FindUserExtension(alice.Id, ReturnExtension));
    }

    [Fact]
    public async Task User_extension_writes_need_User_ReadWrite_All_and_reads_User_Read_All()
    {
        var (tenant, alice, _) = SmallTenant();
        var reader = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "User.Read.All" });
        using var denied = Client(tenant, reader);
        var body = new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.openTypeExtension", ["extensionName"] = ReturnExtension, ["until"] = "x" };

        Assert.Equal(HttpStatusCode.Forbidden, (await denied.PostAsync($"users/{alice.Id}/extensions", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await denied.GetAsync($"users/{alice.Id}/extensions")).StatusCode);

        using var client = Client(tenant);
        var created = await client.PostAsync($"users/{alice.UserPrincipalName}/extensions", Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{SimulatorFixture.Root}/$metadata#users('{alice.Id}')/extensions/$entity", (await ReadJson(created)).GetProperty("@odata.context").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"users/{Guid.NewGuid()}/extensions/{ReturnExtension}")).StatusCode);
    }
}
