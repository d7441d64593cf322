using System.Net;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>What a tier needs to record about itself, and what tells that a group already serves another purpose.</summary>
public class GroupPurposeTests
{
    private const string TierExtension = "com.licensegovernance.tier";

    [Fact]
    public async Task Open_extension_round_trips_through_the_Graph_SDK()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now);
        var group = tenant.Store.AddGroup("LIC-M365-Tier2");
        var client = Sdk(tenant);
        var extensions = client.Groups[group.Id.ToString()].Extensions;

        var created = await extensions.PostAsync(new OpenTypeExtension
        {
            ExtensionName = TierExtension,
            AdditionalData = new Dictionary<string, object> { ["tier"] = 2, ["baseline"] = false },
        });
        var open = Assert.IsType<OpenTypeExtension>(created);
        Assert.Equal(TierExtension, open.Id);
        Assert.Equal(TierExtension, open.ExtensionName);

        var read = Assert.IsType<OpenTypeExtension>(await extensions[TierExtension].GetAsync());
        // Kiota hands untyped JSON numbers back as decimal and booleans as bool.
        Assert.Equal(2m, read.AdditionalData["tier"]);
        Assert.Equal(false, read.AdditionalData["baseline"]);
        Assert.Equal(TierExtension, Assert.Single((await extensions.GetAsync())!.Value!).Id);

        var duplicate = await Assert.ThrowsAsync<ODataError>(() => extensions.PostAsync(new OpenTypeExtension { ExtensionName = TierExtension }));
        Assert.Equal(409, duplicate.ResponseStatusCode);
        Assert.Equal("An extension already exists with given id.", duplicate.Error!.Message);

        // A PATCH replaces the custom properties: what the body leaves out is gone.
        await extensions[TierExtension].PatchAsync(new OpenTypeExtension { ExtensionName = TierExtension, AdditionalData = new Dictionary<string, object> { ["tier"] = 3 } });
        var patched = Assert.IsType<OpenTypeExtension>(await extensions[TierExtension].GetAsync());
        Assert.Equal(3m, patched.AdditionalData["tier"]);
        Assert.False(patched.AdditionalData.ContainsKey("baseline"));

        var expanded = await client.Groups[group.Id.ToString()].GetAsync(r => r.QueryParameters.Expand = new[] { "extensions" });
        Assert.Equal(TierExtension, Assert.Single(expanded!.Extensions!).Id);
        Assert.Equal(3, tenant.Store.FindGroupExtension(group.Id, TierExtension)!.Properties["tier"].GetInt32());

        await extensions[TierExtension].DeleteAsync();
        var missing = await Assert.ThrowsAsync<ODataError>(() => extensions[TierExtension].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("ResourceNotFound", missing.Error!.Code);
        Assert.Null(tenant.Store.FindGroupExtension(group.Id, TierExtension));
    }

    [Fact]
    public async Task Extension_writes_need_Group_ReadWrite_All_and_a_typed_named_body()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now);
        var group = tenant.Store.AddGroup("LIC-Tier");
        var memberWriter = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Member writer", null, new[] { "GroupMember.ReadWrite.All" });
        using var denied = Client(tenant, memberWriter);
        var body = new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.openTypeExtension", ["extensionName"] = TierExtension, ["tier"] = 1 };
        Assert.Equal(HttpStatusCode.Forbidden, (await denied.PostAsync($"groups/{group.Id}/extensions", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await denied.GetAsync($"groups/{group.Id}/extensions")).StatusCode);

        using var client = Client(tenant);
        var untyped = await client.PostAsync($"groups/{group.Id}/extensions", Json(new { extensionName = TierExtension }));
        Assert.Equal(HttpStatusCode.BadRequest, untyped.StatusCode);
        var unnamed = await client.PostAsync($"groups/{group.Id}/extensions", Json(new Dictionary<string, object> { ["@odata.type"] = "microsoft.graph.openTypeExtension" }));
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);

        var created = await client.PostAsync($"groups/{group.Id}/extensions", Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await ReadJson(created);
        Assert.Equal("#microsoft.graph.openTypeExtension", json.GetProperty("@odata.type").GetString());
        Assert.Equal($"{SimulatorFixture.Root}/$metadata#groups('{group.Id}')/extensions/$entity", json.GetProperty("@odata.context").GetString());
        Assert.Equal(1, json.GetProperty("tier").GetInt32());

        // Either the name or its fully qualified form finds it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"groups/{group.Id}/extensions/microsoft.graph.openTypeExtension.{TierExtension}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"groups/{group.Id}/extensions/com.other")).StatusCode);
    }

    [Fact]
    public async Task App_role_assignments_of_a_group_are_listed()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now);
        var group = tenant.Store.AddGroup("Sales Apps");
        var resource = Guid.NewGuid();
        var assignment = tenant.Store.AddAppRoleAssignment(group.Id, resource, "Contoso CRM");
        var client = Sdk(tenant);
        var listed = Assert.Single((await client.Groups[group.Id.ToString()].AppRoleAssignments.GetAsync())!.Value!);
        Assert.Equal(assignment.Id, listed.Id);
        Assert.Equal(resource, listed.ResourceId);
        Assert.Equal(group.Id, listed.PrincipalId);
        Assert.Equal("Group", listed.PrincipalType);
        Assert.Equal(Guid.Empty, listed.AppRoleId);
        Assert.Empty((await client.Groups[tenant.Store.AddGroup("Plain").Id.ToString()].AppRoleAssignments.GetAsync())!.Value!);

        var demo = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 50 });
        var sales = demo.Store.Groups.Single(g => g.DisplayName == "All Sales");
        Assert.Equal("Contoso CRM", Assert.Single(sales.AppRoleAssignments).ResourceDisplayName);
        Assert.All(demo.Store.Groups.Where(g => g.AssignedLicenses.Count > 0), g => Assert.Empty(g.AppRoleAssignments));
    }

    [Fact]
    public async Task Groups_nest_in_security_groups_and_licences_do_not_flow_through_them()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now);
        var store = tenant.Store;
        var e3 = store.AddSku("SPE_E3", 5);
        var parent = store.AddGroup("LIC-E3");
        var child = store.AddGroup("Team");
        var direct = store.AddUser("direct@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        var nestedUser = store.AddUser("nested@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        store.AddMember(child.Id, nestedUser.Id);
        store.AddMember(parent.Id, direct.Id);
        var client = Sdk(tenant);
        await client.Groups[parent.Id.ToString()].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"{SimulatorFixture.Root}/directoryObjects/{child.Id}" });
        store.AssignGroupLicense(parent.Id, e3.SkuId);
        store.ProcessPendingNow();

        var members = (await client.Groups[parent.Id.ToString()].Members.GetAsync())!.Value!;
        Assert.Equal(direct.Id.ToString(), Assert.Single(members.OfType<User>()).Id);
        Assert.Equal(child.Id.ToString(), Assert.Single(members.OfType<Group>()).Id);
        Assert.Equal(2, members.Count);
        Assert.Equal(child.Id.ToString(), Assert.Single((await client.Groups[parent.Id.ToString()].Members.GraphGroup.GetAsync())!.Value!).Id);
        Assert.Equal(direct.Id.ToString(), Assert.Single((await client.Groups[parent.Id.ToString()].Members.GraphUser.GetAsync())!.Value!).Id);
        Assert.Empty(store.GetUser(nestedUser.Id).LicenseAssignmentStates);
        Assert.Equal(1, store.GetSku(e3.SkuId)!.ConsumedUnits);

        using var http = Client(tenant);
        var itself = await http.PostAsync($"groups/{parent.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{SimulatorFixture.Root}/directoryObjects/{parent.Id}" }));
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        var unified = store.AddGroup("Project", g => g.GroupTypes.Add("Unified"));
        Assert.Throws<GraphServiceError>(() => store.AddMember(unified.Id, child.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"groups/{unified.Id}/members/microsoft.graph.group")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"groups/{parent.Id}/members/{child.Id}/$ref")).StatusCode);
        Assert.Equal(new[] { direct.Id }, store.FindGroup(parent.Id)!.Members);
    }
}
