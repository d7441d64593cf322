using System.Net;
using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Entitlement management over plain HTTP: Graph's shapes, its 400s for wrong ones, permissions, delegated requests and approvals.</summary>
public class EntitlementManagementTests
{
    private const string Em = "identityGovernance/entitlementManagement/";

    internal static async Task<(SimulatedTenant Tenant, HttpClient Client, string PackageId, SimulatedGroup Group)> PackageAsync()
    {
        var (tenant, _, _) = SmallTenant();
        var group = tenant.Store.AddGroup("LIC-Tier2");
        var client = Client(tenant);
        var catalog = await ReadJson(await client.PostAsync(Em + "catalogs", Json(new { displayName = "License tiers" })));
        var catalogId = catalog.GetProperty("id").GetString()!;
        var added = await client.PostAsync(Em + "resourceRequests", Json(new
        {
            requestType = "adminAdd",
            resource = new { originId = group.Id.ToString(), originSystem = "AadGroup" },
            catalog = new { id = catalogId },
        }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("delivered", (await ReadJson(added)).GetProperty("state").GetString());
        var package = await ReadJson(await client.PostAsync(Em + "accessPackages", Json(new { displayName = "Tier 2", catalog = new { id = catalogId } })));
        var packageId = package.GetProperty("id").GetString()!;
        var scope = await client.PostAsync(Em + $"accessPackages/{packageId}/resourceRoleScopes", Json(new
        {
            role = new { originId = "Member_" + group.Id, originSystem = "AadGroup" },
            scope = new { originId = group.Id.ToString(), originSystem = "AadGroup" },
        }));
        Assert.Equal(HttpStatusCode.Created, scope.StatusCode);
        var scopeJson = await ReadJson(scope);
        Assert.Equal(scopeJson.GetProperty("role").GetProperty("id").GetString() + "_" + scopeJson.GetProperty("scope").GetProperty("id").GetString(), scopeJson.GetProperty("id").GetString());
        return (tenant, client, packageId, group);
    }

    internal static Dictionary<string, object?> Policy(string packageId, object? approval = null, object? expiration = null) => new()
    {
        ["displayName"] = "Requests",
        ["accessPackage"] = new { id = packageId },
        ["allowedTargetScope"] = "allMemberUsers",
        ["expiration"] = expiration ?? new { type = "afterDuration", duration = "P30D" },
        ["requestorSettings"] = new { enableTargetsToSelfAddAccess = true, enableTargetsToSelfUpdateAccess = true, allowCustomAssignmentSchedule = false },
        ["requestApprovalSettings"] = approval ?? new
        {
            isApprovalRequiredForAdd = true, isApprovalRequiredForUpdate = true, isRequestorJustificationRequired = true,
            stages = new[] { new Dictionary<string, object> { ["durationBeforeAutomaticDenial"] = "P2D", ["isApproverJustificationRequired"] = false, ["primaryApprovers"] = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.requestorManager", ["managerLevel"] = 1 } } } },
        },
    };

    [Fact]
    public async Task Lists_come_in_pages_joined_by_nextLink_with_the_filter_kept()
    {
        var (tenant, _, _) = SmallTenant();
        tenant.Options.EntitlementPageSize = 2;
        using var client = Client(tenant);
        for (var i = 0; i < 7; i++)
        {
            await client.PostAsync(Em + "catalogs", Json(new { displayName = i % 2 == 0 ? "Even" : "Odd" }));
        }

        var pages = new List<List<string>>();
        string? next = Em + "catalogs?$filter=displayName eq 'Even'";
        while (next != null)
        {
            var page = await ReadJson(await client.GetAsync(next));
            pages.Add(page.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()!).ToList());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal(new[] { 2, 2 }, pages.Select(p => p.Count));
        Assert.All(pages.SelectMany(p => p), name => Assert.Equal("Even", name));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Em + "catalogs?$skiptoken=nonsense")).StatusCode);
    }

    [Fact]
    public async Task Policies_of_the_wrong_shape_get_a_400_and_nothing_is_stored()
    {
        var (tenant, client, packageId, _) = await PackageAsync();
        var bad = new (string Why, Dictionary<string, object?> Body)[]
        {
            ("approval without stages", Policy(packageId, new { isApprovalRequiredForAdd = true, stages = Array.Empty<object>() })),
            ("stages without approval", Policy(packageId, new { isApprovalRequiredForAdd = false, stages = new[] { new { durationBeforeAutomaticDenial = "P2D", primaryApprovers = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.requestorManager" } } } } })),
            ("four stages", Policy(packageId, new { isApprovalRequiredForAdd = true, stages = Enumerable.Repeat(new { durationBeforeAutomaticDenial = "P2D", primaryApprovers = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.requestorManager" } } }, 4) })),
            ("approver of unknown type", Policy(packageId, new { isApprovalRequiredForAdd = true, stages = new[] { new { durationBeforeAutomaticDenial = "P2D", primaryApprovers = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.someoneElse" } } } } })),
            ("afterDuration with an end date", Policy(packageId, expiration: new { type = "afterDuration", duration = "P30D", endDateTime = "2027-01-01T00:00:00Z" })),
            ("a duration that is no ISO 8601", Policy(packageId, expiration: new { type = "afterDuration", duration = "30 days" })),
            ("unknown expiration type", Policy(packageId, expiration: new { type = "whenever" })),
            ("no access package", new Dictionary<string, object?>(Policy(packageId)) { ["accessPackage"] = null }),
            ("boolean as string", new Dictionary<string, object?>(Policy(packageId)) { ["requestorSettings"] = new { enableTargetsToSelfAddAccess = "yes" } }),
            ("unknown target scope", new Dictionary<string, object?>(Policy(packageId)) { ["allowedTargetScope"] = "everyone" }),
            ("specific users without targets", new Dictionary<string, object?>(Policy(packageId)) { ["allowedTargetScope"] = "specificDirectoryUsers" }),
            ("a decision time over 14 days", Policy(packageId, new { isApprovalRequiredForAdd = true, stages = new[] { new { durationBeforeAutomaticDenial = "P30D", primaryApprovers = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.requestorManager" } } } } })),
        };
        foreach (var (why, body) in bad)
        {
            var response = await client.PostAsync(Em + "assignmentPolicies", Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why + ": " + response.StatusCode);
            var (code, message) = await ReadError(response);
            Assert.Equal("BadRequest", code);
            Assert.False(string.IsNullOrEmpty(message), why);
        }

        Assert.Empty(tenant.Store.AssignmentPolicies);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Em + "assignmentPolicies", Json(Policy(packageId)))).StatusCode);
    }

    [Fact]
    public async Task Reads_need_EntitlementManagement_Read_All_and_writes_ReadWrite_All()
    {
        var (tenant, _, packageId, _) = await PackageAsync();
        var reader = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "EntitlementManagement.Read.All" });
        using var readOnly = Client(tenant, reader);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(Em + "accessPackages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync(Em + "assignmentPolicies", Json(Policy(packageId)))).StatusCode);
        var groupsOnly = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Groups", null, new[] { "Group.ReadWrite.All" });
        using var noEm = Client(tenant, groupsOnly);
        Assert.Equal(HttpStatusCode.Forbidden, (await noEm.GetAsync(Em + "assignments")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_requests_the_manager_approves_over_HTTP_and_membership_follows()
    {
        var (tenant, client, packageId, group) = await PackageAsync();
        var policyId = (await ReadJson(await client.PostAsync(Em + "assignmentPolicies", Json(Policy(packageId))))).GetProperty("id").GetString()!;
        var manager = tenant.Store.AddUser("boss@contoso.onmicrosoft.com");
        var user = tenant.Store.AddUser("bob@contoso.onmicrosoft.com", u => u.ManagerId = manager.Id);
        using var bob = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "My Access", user.UserPrincipalName, new[] { "EntitlementManagement.ReadWrite.All" }));
        var requested = await bob.PostAsync(Em + "assignmentRequests", Json(new { requestType = "userAdd", assignment = new { accessPackageId = packageId, assignmentPolicyId = policyId }, justification = "Need it" }));
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var requestId = (await ReadJson(requested)).GetProperty("id").GetString()!;
        Assert.Equal("pendingApproval", (await ReadJson(await client.GetAsync(Em + $"assignmentRequests/{requestId}"))).GetProperty("state").GetString());

        var stages = (await ReadJson(await client.GetAsync(Em + $"accessPackageAssignmentApprovals/{requestId}/stages"))).GetProperty("value");
        var stageId = stages[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PatchAsync(Em + $"accessPackageAssignmentApprovals/{requestId}/stages/{stageId}", Json(new { reviewResult = "Approve" }))).StatusCode);
        using var boss = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "My Access", manager.UserPrincipalName, new[] { "EntitlementManagement.ReadWrite.All" }));
        Assert.True((await ReadJson(await boss.GetAsync(Em + $"accessPackageAssignmentApprovals/{requestId}/stages"))).GetProperty("value")[0].GetProperty("assignedToMe").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.PatchAsync(Em + $"accessPackageAssignmentApprovals/{requestId}/stages/{stageId}", Json(new { reviewResult = "Maybe" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await boss.PatchAsync(Em + $"accessPackageAssignmentApprovals/{requestId}/stages/{stageId}", Json(new { reviewResult = "Approve", justification = "ok" }))).StatusCode);
        tenant.Clock.Advance(tenant.Options.AccessPackageDeliveryDelay);
        Assert.Contains(user.Id, tenant.Store.FindGroup(group.Id)!.Members);

        var assignments = (await ReadJson(await client.GetAsync(Em + $"assignments?$filter=target/objectId eq '{user.Id}' and state eq 'delivered'&$expand=target"))).GetProperty("value");
        Assert.Equal(user.UserPrincipalName, assignments[0].GetProperty("target").GetProperty("principalName").GetString());
        var unsupported = await client.GetAsync(Em + "assignments?$filter=startswith(state,'d')");
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);

        // An application cannot make a user's own request.
        var appUserAdd = await client.PostAsync(Em + "assignmentRequests", Json(new { requestType = "userAdd", assignment = new { accessPackageId = packageId, assignmentPolicyId = policyId } }));
        Assert.Equal(HttpStatusCode.BadRequest, appUserAdd.StatusCode);
    }

    [Fact]
    public async Task Request_bodies_bind_as_Graph_binds_them_and_the_schedule_is_echoed()
    {
        var (tenant, _, packageId, _) = await PackageAsync();
        using var admin = Client(tenant);
        var policy = Policy(packageId);
        policy["requestorSettings"] = new { enableTargetsToSelfAddAccess = true, enableTargetsToSelfUpdateAccess = true, allowCustomAssignmentSchedule = true };
        var policyId = (await ReadJson(await admin.PostAsync(Em + "assignmentPolicies", Json(policy)))).GetProperty("id").GetString()!;
        var manager = tenant.Store.AddUser("boss@contoso.onmicrosoft.com");
        var user = tenant.Store.AddUser("ann@contoso.onmicrosoft.com", u => u.ManagerId = manager.Id);
        using var ann = Client(tenant, tenant.SignIn(user.UserPrincipalName, Guid.NewGuid().ToString(), "My Access", new[] { "EntitlementManagement.ReadWrite.All" }));
        var assignment = new { accessPackageId = packageId, assignmentPolicyId = policyId };

        foreach (var body in new object[] { new { assignment }, new { requestType = "userGrab", assignment }, new { requestType = "userAdd" } })
        {
            var refused = await ann.PostAsync(Em + "assignmentRequests", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = (await ReadJson(refused)).GetProperty("error");
            Assert.Equal("InvalidModel", error.GetProperty("code").GetString());
            Assert.Equal("The model is invalid.", error.GetProperty("message").GetString());
        }

        var end = tenant.Clock.UtcNow.AddDays(20);
        var created = await ann.PostAsync(Em + "assignmentRequests", Json(new
        {
            requestType = "UserAdd", assignment, justification = "Quarter close",
            schedule = new { startDateTime = tenant.Clock.UtcNow, expiration = new { type = "afterDateTime", endDateTime = end } },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await ReadJson(created);
        Assert.Equal("userAdd", json.GetProperty("requestType").GetString());
        var expiration = json.GetProperty("schedule").GetProperty("expiration");
        Assert.Equal("afterDateTime", expiration.GetProperty("type").GetString());
        Assert.Equal(end.ToUnixTimeSeconds(), expiration.GetProperty("endDateTime").GetDateTimeOffset().ToUnixTimeSeconds());

        var stages = (await ReadJson(await admin.GetAsync(Em + $"accessPackageAssignmentApprovals/{json.GetProperty("id").GetString()}/stages"))).GetProperty("value");
        using var boss = Client(tenant, tenant.SignIn(manager.Id.ToString(), Guid.NewGuid().ToString(), "My Access", new[] { "EntitlementManagement.ReadWrite.All" }));
        var maybe = await boss.PatchAsync(Em + $"accessPackageAssignmentApprovals/{json.GetProperty("id").GetString()}/stages/{stages[0].GetProperty("id").GetString()}", Json(new { reviewResult = "Maybe" }));
        Assert.Equal("InvalidModel", (await ReadJson(maybe)).GetProperty("error").GetProperty("code").GetString());
        Assert.Throws<ArgumentException>(() => tenant.SignIn("nobody@contoso.onmicrosoft.com", Guid.NewGuid().ToString(), "My Access", Array.Empty<string>()));
    }

    [Fact]
    public async Task Pending_approvals_auto_deny_after_the_stage_timeout_on_the_simulator_clock()
    {
        var (tenant, client, packageId, group) = await PackageAsync();
        var policyId = Guid.Parse((await ReadJson(await client.PostAsync(Em + "assignmentPolicies", Json(Policy(packageId))))).GetProperty("id").GetString()!);
        var manager = tenant.Store.AddUser("lead@contoso.onmicrosoft.com");
        var user = tenant.Store.AddUser("waiter@contoso.onmicrosoft.com", u => u.ManagerId = manager.Id);
        var request = tenant.Store.RequestAccessPackage(user.Id, Guid.Parse(packageId), policyId, "Please");
        tenant.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal("pendingApproval", tenant.Store.AssignmentRequests.Single().State);
        tenant.Clock.Advance(TimeSpan.FromMinutes(2));
        var denied = tenant.Store.AssignmentRequests.Single();
        Assert.Equal(("denied", "TimedOut"), (denied.State, denied.Status));
        Assert.DoesNotContain(user.Id, tenant.Store.FindGroup(group.Id)!.Members);
        Assert.Throws<GraphServiceError>(() => tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, null));

        // Nobody to decide (no manager, no fallback): denied at once instead of waiting.
        var orphan = tenant.Store.AddUser("orphan@contoso.onmicrosoft.com");
        Assert.Equal("denied", tenant.Store.RequestAccessPackage(orphan.Id, Guid.Parse(packageId), policyId, "Please").State);
    }

    [Fact]
    public async Task Entitlement_state_round_trips_through_a_snapshot_and_expiry_still_runs()
    {
        var (tenant, client, packageId, group) = await PackageAsync();
        var policyId = Guid.Parse((await ReadJson(await client.PostAsync(Em + "assignmentPolicies", Json(Policy(packageId, new { isApprovalRequiredForAdd = false, stages = Array.Empty<object>() }))))).GetProperty("id").GetString()!);
        var user = tenant.Store.AddUser("kept@contoso.onmicrosoft.com");
        tenant.Store.RequestAccessPackage(user.Id, Guid.Parse(packageId), policyId, "Because");
        tenant.Store.ProcessPendingNow();
        var path = Path.Combine(Path.GetTempPath(), "lg-em-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            tenant.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);
            Assert.Equal(JsonSerializer.Serialize(tenant.Store.Entitlement), JsonSerializer.Serialize(loaded.Store.Entitlement));
            var roleScope = loaded.Store.AccessPackages.Single().RoleScopes.Single();
            Assert.Equal(tenant.Store.AccessPackages.Single().RoleScopes.Single().Id, roleScope.Id);
            Assert.Contains(user.Id, loaded.Store.FindGroup(group.Id)!.Members);
            loaded.Clock.Advance(TimeSpan.FromDays(31));
            Assert.Equal("expired", loaded.Store.AccessPackageAssignments.Single().State);
            Assert.DoesNotContain(user.Id, loaded.Store.FindGroup(group.Id)!.Members);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Dynamic_groups_cannot_be_catalog_resources_and_a_resource_is_added_once()
    {
        var (tenant, client, _, group) = await PackageAsync();
        var dynamic = tenant.Store.AddGroup("LIC-Dynamic", g =>
        {
            g.GroupTypes.Add("DynamicMembership");
            g.MembershipRule = "user.department -eq \"Sales\"";
            g.MembershipRuleProcessingState = "On";
        });
        var catalogId = tenant.Store.AccessPackageCatalogs.Single().Id.ToString();
        var refused = await client.PostAsync(Em + "resourceRequests", Json(new { requestType = "adminAdd", resource = new { originId = dynamic.Id.ToString(), originSystem = "AadGroup" }, catalog = new { id = catalogId } }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var twice = await client.PostAsync(Em + "resourceRequests", Json(new { requestType = "adminAdd", resource = new { originId = group.Id.ToString(), originSystem = "AadGroup" }, catalog = new { id = catalogId } }));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var resources = (await ReadJson(await client.GetAsync(Em + $"catalogs/{catalogId}/resources?$filter=originId eq '{group.Id}'&$expand=roles,scopes"))).GetProperty("value");
        Assert.Equal(new[] { "Member", "Owner" }, resources[0].GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("displayName").GetString()));
        Assert.True(resources[0].GetProperty("scopes")[0].GetProperty("isRootScope").GetBoolean());
    }
}
