using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

public class SimulatorHttpTests
{
    [Fact]
    public async Task Listing_pages_with_opaque_skiptoken_and_preserves_the_query()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 250 });
        using var client = Client(tenant);
        var seen = new HashSet<string>();
        string? next = "users?$select=id,department&$top=100";
        var pages = 0;
        while (next != null)
        {
            var page = await ReadJson(await client.GetAsync(next));
            foreach (var user in page.GetProperty("value").EnumerateArray())
            {
                Assert.True(seen.Add(user.GetProperty("id").GetString()!));
                Assert.False(user.TryGetProperty("displayName", out _), "unselected properties are left out");
            }

            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (next != null)
            {
                Assert.StartsWith(Root + "/users?$select=id,department&$top=100&$skiptoken=", next);
            }

            pages++;
        }

        Assert.Equal(250, seen.Count);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Default_projection_and_single_user_by_upn()
    {
        var (tenant, alice, _) = SmallTenant();
        using var client = Client(tenant);
        var user = await ReadJson(await client.GetAsync("users/" + alice.UserPrincipalName));
        Assert.Equal(alice.Id.ToString(), user.GetProperty("id").GetString());
        Assert.True(user.TryGetProperty("businessPhones", out _));
        Assert.False(user.TryGetProperty("department", out _));

        var missing = await client.GetAsync("users/nobody@contoso.onmicrosoft.com");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var (code, message) = await ReadError(missing);
        Assert.Equal("Request_ResourceNotFound", code);
        Assert.Contains("nobody@contoso.onmicrosoft.com", message);
    }

    [Fact]
    public async Task Error_envelope_echoes_client_request_id()
    {
        var (tenant, _, _) = SmallTenant();
        using var client = Client(tenant);
        var request = new HttpRequestMessage(HttpMethod.Get, "users?$top=1000");
        request.Headers.Add("client-request-id", "4b1c2d9e-0000-4000-8000-000000000001");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("4b1c2d9e-0000-4000-8000-000000000001", response.Headers.GetValues("client-request-id").Single());
        Assert.True(Guid.TryParse(response.Headers.GetValues("request-id").Single(), out _));
        var error = (await ReadJson(response)).GetProperty("error");
        Assert.Equal("Request_UnsupportedQuery", error.GetProperty("code").GetString());
        Assert.Equal("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.", error.GetProperty("message").GetString());
        Assert.Equal("4b1c2d9e-0000-4000-8000-000000000001", error.GetProperty("innerError").GetProperty("client-request-id").GetString());
    }

    [Fact]
    public async Task SignInActivity_selected_or_filtered_caps_pages_at_500_and_needs_premium()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 1200 });
        using var client = Client(tenant);
        // A $top above the cap is not refused: the page is cut to it, and the rest follows by nextLink.
        var page = await ReadJson(await client.GetAsync("users?$select=id,signInActivity&$top=999"));
        Assert.Equal(500, page.GetProperty("value").GetArrayLength());
        Assert.True(page.TryGetProperty("@odata.nextLink", out _));

        // Filtered without being selected, the same cap applies; without signInActivity a page holds 999.
        var filtered = await ReadJson(await client.GetAsync("users?$select=id&$top=999&$filter=signInActivity/lastSignInDateTime le 2100-01-01T00:00:00Z"));
        Assert.Equal(500, filtered.GetProperty("value").GetArrayLength());
        Assert.Equal(999, (await ReadJson(await client.GetAsync("users?$select=id&$top=999"))).GetProperty("value").GetArrayLength());

        var basic = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 10, TenantHasEntraP1 = false });
        using var basicClient = Client(basic);
        var denied = await basicClient.GetAsync("users?$select=id,signInActivity");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", (await ReadError(denied)).Code);
    }

    [Fact]
    public async Task SignInActivity_filter_combined_with_another_property_is_refused()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 20 });
        using var client = Client(tenant);
        var combined = await client.GetAsync("users?$filter=signInActivity/lastSignInDateTime le 2100-01-01T00:00:00Z and accountEnabled eq true");
        Assert.Equal(HttpStatusCode.BadRequest, combined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("users?$filter=signInActivity/lastSuccessfulSignInDateTime le 2100-01-01T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task SignInActivity_reads_have_their_own_quota_of_ten_a_minute_that_refills_with_the_clock()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 30 });
        using var client = Client(tenant);
        await SpendSignInQuotaAsync(client);

        var refused = await client.GetAsync("users/" + tenant.Store.Users[0].Id + "?$select=id,signInActivity");
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        // One token comes back every six seconds.
        Assert.Equal(TimeSpan.FromSeconds(6), refused.Headers.RetryAfter?.Delta);
        Assert.StartsWith("Tenant_Application/SignInActivity/", refused.Headers.GetValues("x-ms-throttle-scope").Single());
        // Other reads draw only on the resource units.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("users?$select=id,accountEnabled")).StatusCode);

        tenant.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((HttpStatusCode)429, (await client.GetAsync("users?$select=id,signInActivity")).StatusCode);
        tenant.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("users?$select=id,signInActivity")).StatusCode);
    }

    /// <summary>Ten reads that select or filter signInActivity, all served: the quota's whole bucket.</summary>
    private static async Task SpendSignInQuotaAsync(HttpClient client)
    {
        for (var i = 0; i < 10; i++)
        {
            var read = i % 2 == 0 ? "users?$select=id,signInActivity" : "users?$filter=signInActivity/lastSignInDateTime le 2100-01-01T00:00:00Z";
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(read)).StatusCode);
        }
    }

    [Fact]
    public async Task SignInActivity_quota_window_follows_the_time_scale()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 30 });
        tenant.Options.Throttling = new LicenseGovernance.Simulator.Throttling.ThrottlingOptions { TimeScale = 60 };
        using var client = Client(tenant);
        await SpendSignInQuotaAsync(client);

        Assert.Equal((HttpStatusCode)429, (await client.GetAsync("users?$select=id,signInActivity")).StatusCode);
        tenant.Clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("users?$select=id,signInActivity")).StatusCode);
    }

    [Fact]
    public async Task Count_needs_consistency_header()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 42 });
        using var client = Client(tenant);
        var refused = await client.GetAsync("users/$count");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("$count is not currently supported.", (await ReadError(refused)).Message);

        var request = new HttpRequestMessage(HttpMethod.Get, "users/$count");
        request.Headers.Add("ConsistencyLevel", "eventual");
        var counted = await client.SendAsync(request);
        Assert.Equal("42", await counted.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", counted.Content.Headers.ContentType!.MediaType);

        var ignored = await ReadJson(await client.GetAsync("users?$count=true"));
        Assert.False(ignored.TryGetProperty("@odata.count", out _), "$count without the header is silently ignored");

        var advanced = new HttpRequestMessage(HttpMethod.Get, "users?$count=true&$top=5");
        advanced.Headers.Add("ConsistencyLevel", "eventual");
        Assert.Equal(42, (await ReadJson(await client.SendAsync(advanced))).GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task Filter_is_applied_through_the_filter_engine()
    {
        var (tenant, _, _) = SmallTenant();
        tenant.Store.AddUser("bob@contoso.onmicrosoft.com", u => u.Department = "Finance");
        using var client = Client(tenant);
        var page = await ReadJson(await client.GetAsync("users?$filter=department eq 'Finance'&$select=userPrincipalName"));
        var upns = page.GetProperty("value").EnumerateArray().Select(u => u.GetProperty("userPrincipalName").GetString()).ToArray();
        Assert.Equal(new[] { "bob@contoso.onmicrosoft.com" }, upns);
    }

    [Fact]
    public async Task AssignLicense_success_updates_seats_and_replaces_disabled_plans()
    {
        var (tenant, alice, e3) = SmallTenant();
        using var client = Client(tenant);
        var yammer = SkuCatalog.PlanId("YAMMER_ENTERPRISE");
        var response = await client.PostAsync($"users/{alice.Id}/assignLicense", Json(new { addLicenses = new[] { new { skuId = e3.SkuId, disabledPlans = new[] { yammer } } }, removeLicenses = Array.Empty<Guid>() }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(alice.Id.ToString(), (await ReadJson(response)).GetProperty("id").GetString());
        Assert.Equal(1, tenant.Store.GetSku(e3.SkuId)!.ConsumedUnits);

        await client.PostAsync($"users/{alice.Id}/assignLicense", Json(new { addLicenses = new[] { new { skuId = e3.SkuId, disabledPlans = Array.Empty<Guid>() } }, removeLicenses = Array.Empty<Guid>() }));
        var user = await ReadJson(await client.GetAsync($"users/{alice.Id}?$select=assignedLicenses,licenseAssignmentStates,assignedPlans"));
        var license = user.GetProperty("assignedLicenses").EnumerateArray().Single();
        Assert.Equal(0, license.GetProperty("disabledPlans").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("licenseAssignmentStates")[0].GetProperty("assignedByGroup").ValueKind);
        Assert.Contains(user.GetProperty("assignedPlans").EnumerateArray(), p => p.GetProperty("servicePlanId").GetString() == yammer.ToString());
        Assert.Equal(1, tenant.Store.GetSku(e3.SkuId)!.ConsumedUnits);

        var skus = await ReadJson(await client.GetAsync("subscribedSkus"));
        var sku = skus.GetProperty("value").EnumerateArray().Single();
        Assert.Equal($"{tenant.TenantId}_{e3.SkuId}", sku.GetProperty("id").GetString());
        Assert.Equal(1, sku.GetProperty("consumedUnits").GetInt32());
        Assert.Equal(2, sku.GetProperty("prepaidUnits").GetProperty("enabled").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("subscribedSkus?$top=5")).StatusCode);
    }

    [Theory]
    [InlineData("no-location", "License assignment cannot be done for user with invalid usage location.")]
    [InlineData("no-seats", "does not have any available licenses.")]
    [InlineData("unknown-sku", "does not correspond to a valid company License.")]
    [InlineData("remove-missing", "User does not have a corresponding license.")]
    [InlineData("remove-inherited", "User license is inherited from a group membership and it cannot be removed directly from the user.")]
    [InlineData("exclusive", "are mutually exclusive.")]
    [InlineData("dependency", "depends on the service plan(s)")]
    public async Task AssignLicense_errors_match_graph(string scenario, string expected)
    {
        var (tenant, alice, e3) = SmallTenant();
        var store = tenant.Store;
        var spb = store.AddSku("SPB", 5);
        object body = new { addLicenses = new[] { new { skuId = e3.SkuId, disabledPlans = Array.Empty<Guid>() } }, removeLicenses = Array.Empty<Guid>() };
        switch (scenario)
        {
            case "no-location":
                store.UpdateUser(alice.Id, u => u.UsageLocation = null);
                break;
            case "no-seats":
                store.SetPrepaidUnits(e3.SkuId, 0);
                break;
            case "unknown-sku":
                body = new { addLicenses = new[] { new { skuId = Guid.NewGuid(), disabledPlans = Array.Empty<Guid>() } }, removeLicenses = Array.Empty<Guid>() };
                break;
            case "remove-missing":
                body = new { addLicenses = Array.Empty<object>(), removeLicenses = new[] { e3.SkuId } };
                break;
            case "remove-inherited":
                var group = store.AddGroup("LIC-E3");
                store.AssignGroupLicense(group.Id, e3.SkuId);
                store.AddMember(group.Id, alice.Id);
                store.ProcessPendingNow();
                body = new { addLicenses = Array.Empty<object>(), removeLicenses = new[] { e3.SkuId } };
                break;
            case "exclusive":
                store.AssignLicense(alice.Id, e3.SkuId);
                body = new { addLicenses = new[] { new { skuId = spb.SkuId, disabledPlans = Array.Empty<Guid>() } }, removeLicenses = Array.Empty<Guid>() };
                break;
            case "dependency":
                body = new { addLicenses = new[] { new { skuId = e3.SkuId, disabledPlans = new[] { SkuCatalog.PlanId("SHAREPOINTENTERPRISE") } } }, removeLicenses = Array.Empty<Guid>() };
                break;
        }

        using var client = Client(tenant);
        var response = await client.PostAsync($"users/{alice.Id}/assignLicense", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await ReadError(response);
        Assert.Equal("Request_BadRequest", code);
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task Group_licensing_counts_one_seat_and_records_count_violations()
    {
        var (tenant, alice, e3) = SmallTenant();
        var store = tenant.Store;
        var bob = store.AddUser("bob@contoso.onmicrosoft.com");
        var carol = store.AddUser("carol@contoso.onmicrosoft.com");
        store.AssignLicense(alice.Id, e3.SkuId);
        using var client = Client(tenant);

        var created = await client.PostAsync("groups", Json(new { displayName = "LIC-M365-E3", mailEnabled = false, mailNickname = "lic-m365-e3", securityEnabled = true }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groupId = (await ReadJson(created)).GetProperty("id").GetString();
        var patch = await client.PatchAsync($"groups/{groupId}", Json(new Dictionary<string, object> { ["members@odata.bind"] = new[] { alice, bob, carol }.Select(u => $"{Root}/directoryObjects/{u.Id}").ToArray() }));
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);

        var assigned = await client.PostAsync($"groups/{groupId}/assignLicense", Json(new { addLicenses = new[] { new { skuId = e3.SkuId, disabledPlans = Array.Empty<Guid>() } }, removeLicenses = Array.Empty<Guid>() }));
        Assert.Equal(HttpStatusCode.Accepted, assigned.StatusCode);
        store.ProcessPendingNow();

        // Alice holds E3 directly and through the group but uses one seat; bob takes the last seat; carol is left in error.
        Assert.Equal(2, store.GetSku(e3.SkuId)!.ConsumedUnits);
        var errors = await ReadJson(await client.GetAsync($"groups/{groupId}/membersWithLicenseErrors"));
        Assert.Equal(carol.Id.ToString(), errors.GetProperty("value").EnumerateArray().Single().GetProperty("id").GetString());
        var carolStates = await ReadJson(await client.GetAsync($"users/{carol.Id}?$select=licenseAssignmentStates"));
        var state = carolStates.GetProperty("licenseAssignmentStates")[0];
        Assert.Equal("Error", state.GetProperty("state").GetString());
        Assert.Equal("CountViolation", state.GetProperty("error").GetString());
        Assert.Equal(groupId, state.GetProperty("assignedByGroup").GetString());

        var group = await ReadJson(await client.GetAsync($"groups/{groupId}?$select=id,assignedLicenses,licenseProcessingState"));
        Assert.Equal("ProcessingComplete", group.GetProperty("licenseProcessingState").GetProperty("state").GetString());

        var delete = await client.DeleteAsync($"groups/{groupId}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);

        var removed = await client.DeleteAsync($"groups/{groupId}/members/{bob.Id}/$ref");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(2, store.GetSku(e3.SkuId)!.ConsumedUnits);
        store.ProcessPendingNow();
        Assert.Equal(1, store.GetSku(e3.SkuId)!.ConsumedUnits);
        var again = await client.DeleteAsync($"groups/{groupId}/members/{bob.Id}/$ref");
        Assert.Equal("One or more removed object references do not exist for the following modified properties: 'members'.", (await ReadError(again)).Message);
    }

    [Fact]
    public async Task Group_creation_validates_like_graph()
    {
        var (tenant, alice, _) = SmallTenant();
        using var client = Client(tenant);
        var missing = await client.PostAsync("groups", Json(new { displayName = "x", mailEnabled = false, securityEnabled = true }));
        Assert.Equal("A value is required for property 'mailNickname' of resource 'Group'.", (await ReadError(missing)).Message);
        var badNick = await client.PostAsync("groups", Json(new { displayName = "x", mailEnabled = false, mailNickname = "has space", securityEnabled = true }));
        Assert.Equal("Invalid value specified for property 'mailNickname' of resource 'Group'.", (await ReadError(badNick)).Message);
        var noRule = await client.PostAsync("groups", Json(new { displayName = "d", mailEnabled = false, mailNickname = "d", securityEnabled = true, groupTypes = new[] { "DynamicMembership" } }));
        Assert.Equal("A value is required for property 'membershipRule'.", (await ReadError(noRule)).Message);
        var dynamic = await ReadJson(await client.PostAsync("groups", Json(new { displayName = "d", mailEnabled = false, mailNickname = "d", securityEnabled = true, groupTypes = new[] { "DynamicMembership" }, membershipRule = "user.department -eq \"Sales\"" })));
        Assert.Equal("Paused", dynamic.GetProperty("membershipRuleProcessingState").GetString());

        var group = tenant.Store.AddGroup("Static");
        var add = await client.PostAsync($"groups/{group.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{alice.Id}" }));
        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        var duplicate = await client.PostAsync($"groups/{group.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{alice.Id}" }));
        Assert.Equal("One or more added object references already exist for the following modified properties: 'members'.", (await ReadError(duplicate)).Message);
        var members = await ReadJson(await client.GetAsync($"groups/{group.Id}/members/microsoft.graph.user"));
        Assert.Equal("#microsoft.graph.user", members.GetProperty("value")[0].GetProperty("@odata.type").GetString());
        var memberOf = await ReadJson(await client.GetAsync($"users/{alice.Id}/memberOf"));
        Assert.Equal(group.Id.ToString(), memberOf.GetProperty("value")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Read_after_write_delay_hides_new_objects_until_the_clock_passes()
    {
        var (tenant, _, _) = SmallTenant(new SimulatorOptions { ReadAfterWriteDelay = TimeSpan.FromSeconds(5) });
        using var client = Client(tenant);
        var created = await client.PostAsync("groups", Json(new { displayName = "New", mailEnabled = false, mailNickname = "new", securityEnabled = true }));
        var id = (await ReadJson(created)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"groups/{id}")).StatusCode);
        Assert.Equal(0, (await ReadJson(await client.GetAsync("groups"))).GetProperty("value").GetArrayLength());
        tenant.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"groups/{id}")).StatusCode);
    }

    [Fact]
    public async Task Clock_time_per_request_moves_the_clock_once_per_http_request_and_survives_a_snapshot()
    {
        var (tenant, alice, _) = SmallTenant(new SimulatorOptions { ClockTimePerRequest = TimeSpan.FromSeconds(3) });
        using var client = Client(tenant);
        var before = tenant.Clock.UtcNow;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"users/{alice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("groups")).StatusCode);

        Assert.Equal(before.AddSeconds(6), tenant.Clock.UtcNow);
        var path = Path.Combine(Path.GetTempPath(), "lg-clock-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            tenant.SaveSnapshot(path);
            Assert.Equal(TimeSpan.FromSeconds(3), SimulatedTenant.LoadSnapshot(path).Options.ClockTimePerRequest);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Permissions_and_tokens_are_enforced()
    {
        var (tenant, alice, e3) = SmallTenant();
        var reader = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "User.Read.All" });
        using var client = Client(tenant, reader);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("users")).StatusCode);
        var denied = await client.PostAsync($"users/{alice.Id}/assignLicense", Json(new { addLicenses = new[] { new { skuId = e3.SkuId } }, removeLicenses = Array.Empty<Guid>() }));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(("Authorization_RequestDenied", "Insufficient privileges to complete the operation."), await ReadError(denied));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("subscribedSkus")).StatusCode);

        var delegated = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Admin app", alice.UserPrincipalName, new[] { "LicenseAssignment.ReadWrite.All" });
        using var delegatedClient = Client(tenant, delegated);
        Assert.Equal(HttpStatusCode.OK, (await delegatedClient.PostAsync($"users/{alice.Id}/assignLicense", Json(new { addLicenses = new[] { new { skuId = e3.SkuId } }, removeLicenses = Array.Empty<Guid>() }))).StatusCode);

        using var anonymous = new HttpClient(tenant.CreateHandler()) { BaseAddress = new Uri(Root + "/") };
        var unauthenticated = await anonymous.GetAsync("users");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", (await ReadError(unauthenticated)).Code);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.IssueAccessToken(tenant.DefaultPrincipal, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("users")).StatusCode);
        tenant.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("users")).StatusCode);
    }

    [Fact]
    public async Task Throttled_requests_get_429_with_graph_headers()
    {
        var (tenant, _, _) = SmallTenant();
        tenant.Options.Throttling = new LicenseGovernance.Simulator.Throttling.ThrottlingOptions { ResourceUnitsPer10Seconds = 10 };
        using var client = Client(tenant);
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 50 && throttled == null; i++)
        {
            var response = await client.GetAsync("users");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled = response;
            }
            else
            {
                Assert.True(response.Headers.Contains("x-ms-resource-unit"));
            }
        }

        Assert.NotNull(throttled);
        Assert.True(int.Parse(throttled!.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.True(throttled.Headers.Contains("x-ms-throttle-scope"));
        Assert.Equal("TooManyRequests", (await ReadError(throttled)).Code);
        Assert.True(tenant.Statistics.Throttled >= 1);
        Assert.True(tenant.Statistics.CountFor("GET /users") >= 2);
    }

    [Fact]
    public async Task Batch_runs_items_with_dependencies_and_validates_the_envelope()
    {
        var (tenant, alice, e3) = SmallTenant();
        using var client = Client(tenant);
        var batch = new
        {
            requests = new object[]
            {
                new { id = "1", method = "POST", url = $"/users/{alice.Id}/assignLicense", headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body = new { addLicenses = new[] { new { skuId = Guid.NewGuid() } }, removeLicenses = Array.Empty<Guid>() } },
                new { id = "2", method = "GET", url = $"users/{alice.Id}/licenseDetails", dependsOn = new[] { "1" } },
                new { id = "3", method = "GET", url = "/v1.0/users/$count", headers = new Dictionary<string, string> { ["ConsistencyLevel"] = "eventual" } },
                new { id = "4", method = "POST", url = $"users/{alice.Id}/assignLicense", headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body = new { addLicenses = new[] { new { skuId = e3.SkuId } }, removeLicenses = Array.Empty<Guid>() } },
                new { id = "5", method = "GET", url = $"users/{alice.Id}/licenseDetails", dependsOn = new[] { "4" } },
            },
        };
        var response = await client.PostAsync("$batch", Json(batch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await ReadJson(response)).GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(400, items["1"].GetProperty("status").GetInt32());
        Assert.Equal(424, items["2"].GetProperty("status").GetInt32());
        Assert.Equal("1", items["3"].GetProperty("body").GetString());
        Assert.Equal(200, items["4"].GetProperty("status").GetInt32());
        Assert.Equal("SPE_E3", items["5"].GetProperty("body").GetProperty("value")[0].GetProperty("skuPartNumber").GetString());

        var tooMany = new { requests = Enumerable.Range(1, 21).Select(i => new { id = i.ToString(), method = "GET", url = "users" }).ToArray() };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("$batch", Json(tooMany))).StatusCode);
        var duplicateIds = new { requests = new[] { new { id = "1", method = "GET", url = "users" }, new { id = "1", method = "GET", url = "users" } } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("$batch", Json(duplicateIds))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("$batch", Json(new { nope = 1 }))).StatusCode);
    }

    [Fact]
    public async Task Batch_items_are_throttled_individually()
    {
        var (tenant, _, _) = SmallTenant();
        tenant.Options.Throttling = new LicenseGovernance.Simulator.Throttling.ThrottlingOptions { ResourceUnitsPer10Seconds = 10 };
        using var client = Client(tenant);
        var batch = new { requests = Enumerable.Range(1, 20).Select(i => new { id = i.ToString(), method = "GET", url = "users" }).ToArray() };
        var items = (await ReadJson(await client.PostAsync("$batch", Json(batch)))).GetProperty("responses").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("status").GetInt32() == 200);
        var throttled = items.First(i => i.GetProperty("status").GetInt32() == 429);
        Assert.True(throttled.GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    [Fact]
    public async Task Loopback_server_serves_the_same_tenant()
    {
        var (tenant, alice, _) = SmallTenant();
        using var server = LoopbackSimulatorServer.Start(tenant);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.IssueAccessToken(tenant.DefaultPrincipal));
        var user = await ReadJson(await client.GetAsync($"users/{alice.Id}?$select=id,usageLocation"));
        Assert.Equal("US", user.GetProperty("usageLocation").GetString());
        var patch = await client.PatchAsync($"users/{alice.Id}", Json(new { accountEnabled = false }));
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.False(tenant.Store.GetUser(alice.Id).AccountEnabled);
        var notFound = await client.GetAsync("users/ghost@contoso.onmicrosoft.com");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("Request_ResourceNotFound", (await ReadError(notFound)).Code);
    }
}
