using System.Net;
using System.Text.Json;
using LicenseGovernance.Simulator;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;
using static LicenseGovernance.Tests.Simulator.WorkflowBodies;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Lifecycle workflows over plain HTTP: creation validated as Graph validates it, versions, task definitions, settings, permissions and licence.</summary>
public class LifecycleWorkflowTests
{
    private static (SimulatedTenant Tenant, HttpClient Client, Guid Tier2, Guid Tier1) Tenant(SimulatorOptions? options = null)
    {
        var (tenant, _, _) = SmallTenant(options);
        var tier2 = tenant.Store.AddGroup("LIC-Tier2").Id;
        var tier1 = tenant.Store.AddGroup("LIC-Tier1").Id;
        return (tenant, Client(tenant), tier2, tier1);
    }

    private static Dictionary<string, object?> Valid(Guid scope, Guid target, string name = "Restore baseline") =>
        Membership(name, "mover", "remove", new[] { scope }, Task(AddToGroups, ("groupID", target.ToString())));

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string key, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [key] = value };
        if (value == null)
        {
            copy.Remove(key);
        }

        return copy;
    }

    private static Dictionary<string, object?> Conditions(string scopeType, object scopeValue, string triggerType, string changeType) => new()
    {
        ["@odata.type"] = Ns + "triggerAndScopeBasedConditions",
        ["scope"] = new Dictionary<string, object?> { ["@odata.type"] = Ns + scopeType, [scopeType == "ruleBasedSubjectSet" ? "rule" : "groups"] = scopeValue },
        ["trigger"] = new Dictionary<string, object?> { ["@odata.type"] = Ns + triggerType, ["changeType"] = changeType },
    };

    [Fact]
    public async Task Creation_is_validated_as_Graph_validates_it_and_a_refused_body_stores_nothing()
    {
        var (tenant, client, tier2, tier1) = Tenant();
        var valid = Valid(tier2, tier1);
        var bad = new (string Why, object Body, string Message)[]
        {
            ("no displayName", With(valid, "displayName", null), "displayName"),
            ("no category", With(valid, "category", null), "category"),
            ("unknown category", With(valid, "category", "sideways"), "category"),
            ("no executionConditions", With(valid, "executionConditions", null), "executionConditions"),
            ("conditions without @odata.type", With(valid, "executionConditions", new { scope = new { }, trigger = new { } }), "@odata.type"),
            ("unknown scope type", With(valid, "executionConditions", Conditions("everyoneSubjectSet", new[] { new { id = tier2 } }, "membershipChangeTrigger", "remove")), "scope"),
            ("membership trigger on a rule", With(valid, "executionConditions", Conditions("ruleBasedSubjectSet", "department eq 'Sales'", "membershipChangeTrigger", "remove")), "groupBasedSubjectSet"),
            ("unknown change type", With(valid, "executionConditions", Conditions("groupBasedSubjectSet", new[] { new { id = tier2 } }, "membershipChangeTrigger", "moved")), "changeType"),
            ("empty scope", With(valid, "executionConditions", Conditions("groupBasedSubjectSet", Array.Empty<object>(), "membershipChangeTrigger", "add")), "groups"),
            ("scope group missing", With(valid, "executionConditions", Conditions("groupBasedSubjectSet", new[] { new { id = Guid.NewGuid() } }, "membershipChangeTrigger", "add")), "not found"),
            ("no tasks", With(valid, "tasks", null), "tasks"),
            ("zero tasks", With(valid, "tasks", Array.Empty<object>()), "1 to 25 tasks"),
            ("26 tasks", With(valid, "tasks", Enumerable.Repeat(Task(AddToGroups, ("groupID", tier1.ToString())), 26).ToArray()), "1 to 25 tasks"),
            ("unknown task definition", With(valid, "tasks", new[] { Task(Guid.NewGuid().ToString()) }), "not a task definition"),
            ("task without arguments", With(valid, "tasks", new[] { With(Task(AddToGroups), "arguments", null) }), "arguments"),
            ("required argument missing", With(valid, "tasks", new[] { Task(RemovePackage) }), "Task arguments missing or invalid"),
            ("argument the definition lacks", With(valid, "tasks", new[] { Task(AddToGroups, ("groupID", tier1.ToString()), ("teamID", "x")) }), "Task arguments missing or invalid"),
            ("group argument missing", With(valid, "tasks", new[] { Task(AddToGroups, ("groupID", Guid.NewGuid().ToString())) }), "Task arguments missing or invalid"),
            ("package argument missing", With(valid, "tasks", new[] { Task(RemovePackage, ("accessPackageId", Guid.NewGuid().ToString())) }), "Task arguments missing or invalid"),
            ("enum argument invalid", With(With(valid, "category", "leaver"), "tasks", new[] { Task("1dfdfcc7-52fa-4c2e-bf3a-e3919cc12950", ("disableOnPremisesAccount", "maybe")) }), "Task arguments missing or invalid"),
            ("leaver task in a mover workflow", With(valid, "tasks", new[] { Task(RemoveAllLicenses) }), "serves leaver workflows"),
            ("scheduled but disabled", With(valid, "isEnabled", false), "isSchedulingEnabled"),
            ("boolean as string", With(valid, "isEnabled", "yes"), "isEnabled"),
        };
        foreach (var (why, body, message) in bad)
        {
            var response = await client.SendAsync(HttpMethod.Post, Lcw + "workflows", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why + ": " + response.StatusCode);
            Assert.Contains(message, (await ReadError(response)).Message);
        }

        Assert.Empty(tenant.Store.Workflows);
        var created = await ReadJson(await client.SendAsync(HttpMethod.Post, Lcw + "workflows", valid));
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("mover", created.GetProperty("category").GetString());
        var task = created.GetProperty("tasks")[0];
        Assert.Equal((1, "joiner,leaver,mover"), (task.GetProperty("executionSequence").GetInt32(), task.GetProperty("category").GetString()));
        Assert.Equal(tier2.ToString(), created.GetProperty("executionConditions").GetProperty("scope").GetProperty("groups")[0].GetProperty("id").GetString());

        var duplicate = await client.SendAsync(HttpMethod.Post, Lcw + "workflows", With(valid, "displayName", "RESTORE BASELINE"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("unique", (await ReadError(duplicate)).Message);
    }

    [Fact]
    public async Task Mover_needs_the_Prefer_header_to_be_written_and_reads_as_unknownFutureValue_without_it()
    {
        var (_, client, tier2, tier1) = Tenant();
        var refused = await client.SendAsync(HttpMethod.Post, Lcw + "workflows", Valid(tier2, tier1), prefer: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Prefer: include-unknown-enum-members", (await ReadError(refused)).Message);

        var id = await client.CreateAsync(Valid(tier2, tier1));
        var plain = await client.GetJsonAsync(Lcw + "workflows/" + id, prefer: false);
        Assert.Equal("unknownFutureValue", plain.GetProperty("category").GetString());
        Assert.Equal("joiner,leaver,unknownFutureValue", plain.GetProperty("tasks")[0].GetProperty("category").GetString());
        var opted = await client.GetJsonAsync(Lcw + "workflows/" + id);
        Assert.Equal("mover", opted.GetProperty("category").GetString());

        var leaver = await client.SendAsync(HttpMethod.Post, Lcw + "workflows", OnDemand("Leaver", "leaver", Task(RemoveAllLicenses)), prefer: false);
        Assert.Equal(HttpStatusCode.Created, leaver.StatusCode);
    }

    [Fact]
    public async Task A_tenant_holds_at_most_100_workflows()
    {
        var (tenant, client, tier2, tier1) = Tenant();
        for (var i = 0; i < TenantStore.MaxWorkflows; i++)
        {
            await client.CreateAsync(Valid(tier2, tier1, "Workflow " + i));
        }

        var refused = await client.SendAsync(HttpMethod.Post, Lcw + "workflows", Valid(tier2, tier1, "One too many"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("100 workflows", (await ReadError(refused)).Message);

        var first = tenant.Store.Workflows[0].Id;
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, Lcw + "workflows/" + first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, Lcw + "workflows/" + first)).StatusCode);
        await client.CreateAsync(Valid(tier2, tier1, "One too many"));
    }

    [Fact]
    public async Task Patch_changes_basic_properties_only_and_a_new_version_changes_the_rest()
    {
        var (_, client, tier2, tier1) = Tenant();
        var id = await client.CreateAsync(Valid(tier2, tier1));
        var url = Lcw + "workflows/" + id;

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Patch, url, new { description = "Renamed", isSchedulingEnabled = false })).StatusCode);
        var tasksPatch = await client.SendAsync(HttpMethod.Patch, url, new { tasks = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, tasksPatch.StatusCode);
        Assert.Contains("createNewVersion", (await ReadError(tasksPatch)).Message);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Patch, url, new { isEnabled = false, isSchedulingEnabled = true })).StatusCode);
        var patched = await client.GetJsonAsync(url);
        Assert.Equal(("Renamed", false, 1), (patched.GetProperty("description").GetString(), patched.GetProperty("isSchedulingEnabled").GetBoolean(), patched.GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("nextScheduleRunDateTime").ValueKind);

        var next = Membership("Restore baseline", "mover", "remove", new[] { tier2 }, Task(RemoveFromGroups, ("groupID", tier1.ToString())), Task(NotifyManager));
        var moved = await client.SendAsync(HttpMethod.Post, url + "/microsoft.graph.identityGovernance.createNewVersion", new { workflow = next });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var version2 = await ReadJson(moved);
        Assert.Equal((2, 2), (version2.GetProperty("version").GetInt32(), version2.GetProperty("tasks").GetArrayLength()));
        var unqualified = await client.SendAsync(HttpMethod.Post, url + "/createNewVersion", new { workflow = With(next, "category", "leaver") });
        Assert.Contains("category", (await ReadError(unqualified)).Message);

        var versions = (await client.GetJsonAsync(url + "/versions")).GetProperty("value");
        Assert.Equal(new[] { 1, 2 }, versions.EnumerateArray().Select(v => v.GetProperty("versionNumber").GetInt32()));
        var first = await client.GetJsonAsync(url + "/versions/1");
        Assert.Equal(AddToGroups, first.GetProperty("tasks")[0].GetProperty("taskDefinitionId").GetString());
        Assert.Equal(2, (await client.GetJsonAsync(url + "/tasks")).GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task The_25_built_in_task_definitions_filter_by_category_and_display_name()
    {
        var (_, client, _, _) = Tenant();
        var all = (await client.GetJsonAsync(Lcw + "taskDefinitions")).GetProperty("value");
        Assert.Equal(25, all.GetArrayLength());
        Assert.Equal(25, all.EnumerateArray().Select(d => d.GetProperty("id").GetString()).Distinct().Count());

        var movers = (await client.GetJsonAsync(Lcw + "taskDefinitions?$filter=category has 'mover'")).GetProperty("value").EnumerateArray().ToList();
        Assert.Contains(movers, d => d.GetProperty("id").GetString() == RemovePackage);
        Assert.DoesNotContain(movers, d => d.GetProperty("id").GetString() == RemoveAllLicenses);
        var named = Assert.Single((await client.GetJsonAsync(Lcw + "taskDefinitions?$filter=displayName eq 'Remove all licenses for user'")).GetProperty("value").EnumerateArray());
        Assert.Equal(("leaver", 0), (named.GetProperty("category").GetString(), named.GetProperty("parameters").GetArrayLength()));

        var request = await client.GetJsonAsync(Lcw + "taskDefinitions/" + RequestPackage, prefer: false);
        Assert.Equal("joiner,unknownFutureValue", request.GetProperty("category").GetString());
        Assert.Equal(new[] { "assignmentPolicyId", "accessPackageId" }, request.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Get, Lcw + "taskDefinitions?$filter=startswith(displayName,'Add')")).StatusCode);
    }

    [Fact]
    public async Task The_schedule_interval_is_1_to_24_hours_and_3_by_default()
    {
        var (tenant, client, _, _) = Tenant();
        Assert.Equal(3, (await client.GetJsonAsync(Lcw + "settings")).GetProperty("workflowScheduleIntervalInHours").GetInt32());
        foreach (var hours in new object[] { 0, 25, "6" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Patch, Lcw + "settings", new { workflowScheduleIntervalInHours = hours })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Patch, Lcw + "settings", new { workflowScheduleIntervalInHours = 1 })).StatusCode);
        Assert.Equal(1, tenant.Store.WorkflowScheduleIntervalInHours);
    }

    [Fact]
    public async Task Permissions_and_the_Entra_ID_Governance_licence_are_checked()
    {
        var (tenant, _, tier2, tier1) = Tenant();
        using var reader = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "LifecycleWorkflows.Read.All" }));
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(HttpMethod.Get, Lcw + "workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(HttpMethod.Post, Lcw + "workflows", Valid(tier2, tier1))).StatusCode);

        using var author = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "Author", null, new[] { "LifecycleWorkflows-Workflow.ReadWrite.All" }));
        var id = await author.CreateAsync(Valid(tier2, tier1));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.SendAsync(HttpMethod.Patch, Lcw + "settings", new { workflowScheduleIntervalInHours = 6 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.SendAsync(HttpMethod.Get, Lcw + $"workflows/{id}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.SendAsync(HttpMethod.Post, Lcw + $"workflows/{id}/activate", new { subjects = new[] { new { id = tier1 } } })).StatusCode);

        var (unlicensed, client, _, _) = Tenant(new SimulatorOptions { TenantHasEntraIdGovernance = false });
        var denied = await client.SendAsync(HttpMethod.Get, Lcw + "taskDefinitions");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("NoLicense", (await ReadError(denied)).Code);
        Assert.False(unlicensed.Options.TenantHasEntraIdGovernance);
    }
}
