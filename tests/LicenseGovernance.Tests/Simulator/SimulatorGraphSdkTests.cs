using LicenseGovernance.Simulator;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.AssignLicense;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>The real Microsoft.Graph 5.x SDK against the simulator, middleware included.</summary>
public class SimulatorGraphSdkTests
{
    [Fact]
    public async Task PageIterator_walks_every_user()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 1234 });
        var client = Sdk(tenant);
        var page = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = new[] { "id", "userPrincipalName", "assignedLicenses" };
            r.QueryParameters.Top = 500;
        });
        var ids = new HashSet<string>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, page!, u => ids.Add(u.Id!));
        await iterator.IterateAsync();
        Assert.Equal(1234, ids.Count);
        Assert.Equal(3, tenant.Statistics.CountFor("GET /users"));
    }

    [Fact]
    public async Task AssignLicense_errors_surface_as_ODataError()
    {
        var (tenant, alice, e3) = SimulatorFixture.SmallTenant();
        tenant.Store.UpdateUser(alice.Id, u => u.UsageLocation = null);
        var client = Sdk(tenant);
        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users[alice.Id.ToString()].AssignLicense.PostAsync(new AssignLicensePostRequestBody
        {
            AddLicenses = new List<AssignedLicense> { new() { SkuId = e3.SkuId, DisabledPlans = new List<Guid?>() } },
            RemoveLicenses = new List<Guid?>(),
        }));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", error.Error!.Code);
        Assert.Equal("License assignment cannot be done for user with invalid usage location.", error.Error.Message);

        tenant.Store.UpdateUser(alice.Id, u => u.UsageLocation = "GB");
        var user = await client.Users[alice.Id.ToString()].AssignLicense.PostAsync(new AssignLicensePostRequestBody
        {
            AddLicenses = new List<AssignedLicense> { new() { SkuId = e3.SkuId, DisabledPlans = new List<Guid?>() } },
            RemoveLicenses = new List<Guid?>(),
        });
        Assert.Equal(alice.Id.ToString(), user!.Id);
        var details = await client.Users[alice.Id.ToString()].LicenseDetails.GetAsync();
        Assert.Equal("SPE_E3", details!.Value!.Single().SkuPartNumber);
        var skus = await client.SubscribedSkus.GetAsync();
        Assert.Equal(1, skus!.Value!.Single().ConsumedUnits);
    }

    [Fact]
    public async Task Batch_through_BatchRequestContentCollection()
    {
        var (tenant, alice, _) = SimulatorFixture.SmallTenant();
        var bob = tenant.Store.AddUser("bob@contoso.onmicrosoft.com");
        var client = Sdk(tenant);
        var batch = new BatchRequestContentCollection(client);
        var first = await batch.AddBatchRequestStepAsync(client.Users[alice.Id.ToString()].ToGetRequestInformation());
        var second = await batch.AddBatchRequestStepAsync(client.Users[bob.Id.ToString()].ToGetRequestInformation());
        var missing = await batch.AddBatchRequestStepAsync(client.Users["ghost@contoso.onmicrosoft.com"].ToGetRequestInformation());
        var responses = await client.Batch.PostAsync(batch);
        Assert.Equal(alice.UserPrincipalName, (await responses.GetResponseByIdAsync<User>(first)).UserPrincipalName);
        Assert.Equal(bob.UserPrincipalName, (await responses.GetResponseByIdAsync<User>(second)).UserPrincipalName);
        var statuses = await responses.GetResponsesStatusCodesAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, statuses[missing]);
    }

    [Fact]
    public async Task Retry_handler_recovers_from_429()
    {
        var (tenant, _, _) = SimulatorFixture.SmallTenant();
        tenant.Options.Throttling = new LicenseGovernance.Simulator.Throttling.ThrottlingOptions { ResourceUnitsPer10Seconds = 6 };
        using var plain = SimulatorFixture.Client(tenant);
        for (var i = 0; i < 50 && (await plain.GetAsync("users")).StatusCode != System.Net.HttpStatusCode.TooManyRequests; i++)
        {
        }

        var throttledBefore = tenant.Statistics.Throttled;
        Assert.True(throttledBefore >= 1);

        // Kiota sleeps Retry-After in real time; meanwhile the simulated window moves on.
        var advance = Task.Run(async () =>
        {
            await Task.Delay(300);
            tenant.Clock.Advance(TimeSpan.FromMinutes(1));
        });
        var client = Sdk(tenant);
        var users = await client.Users.GetAsync();
        await advance;
        Assert.Single(users!.Value!);
        Assert.True(tenant.Statistics.Throttled > throttledBefore, "the SDK call was throttled first and retried");
    }

    [Fact]
    public async Task Sdk_works_over_loopback()
    {
        var (tenant, alice, _) = SimulatorFixture.SmallTenant();
        using var server = LoopbackSimulatorServer.Start(tenant);
        var client = new GraphServiceClient(new HttpClient(), SimulatorFixture.Authentication(tenant), server.BaseAddress.ToString().TrimEnd('/'));
        var group = await client.Groups.PostAsync(new Group { DisplayName = "LIC-E3", MailEnabled = false, MailNickname = "lic-e3", SecurityEnabled = true });
        await client.Groups[group!.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{alice.Id}" });
        var members = await client.Groups[group.Id].Members.GetAsync();
        Assert.Equal(alice.Id.ToString(), members!.Value!.Single().Id);
        Assert.IsType<User>(members.Value!.Single());
    }

    private static GraphServiceClient Sdk(SimulatedTenant tenant) => SimulatorFixture.Sdk(tenant);
}
