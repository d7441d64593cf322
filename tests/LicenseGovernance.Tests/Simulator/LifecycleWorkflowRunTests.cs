using System.Net;
using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.IdentityGovernance;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;
using static LicenseGovernance.Tests.Simulator.WorkflowBodies;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Lifecycle workflow runs: the tenant's schedule on the clock, membership triggers, on-demand runs, task effects and results.</summary>
public class LifecycleWorkflowRunTests
{
    private const string Em = "identityGovernance/entitlementManagement/";

    private static (SimulatedTenant Tenant, HttpClient Client, SimulatedUser User, SimulatedGroup Watched, SimulatedGroup Target) Tenant()
    {
        var (tenant, user, _) = SmallTenant();
        return (tenant, Client(tenant), user, tenant.Store.AddGroup("LIC-Tier3"), tenant.Store.AddGroup("LIC-Tier1"));
    }

    /// <summary>A package granting the group's Member role, with a direct-assignment policy; returns (package, policy).</summary>
    private static async Task<(string Package, string Policy)> PackageAsync(HttpClient client, SimulatedGroup group)
    {
        var catalog = (await ReadJson(await client.PostAsync(Em + "catalogs", Json(new { displayName = "Tiers " + group.DisplayName })))).GetProperty("id").GetString()!;
        await client.PostAsync(Em + "resourceRequests", Json(new { requestType = "adminAdd", resource = new { originId = group.Id.ToString(), originSystem = "AadGroup" }, catalog = new { id = catalog } }));
        var package = (await ReadJson(await client.PostAsync(Em + "accessPackages", Json(new { displayName = group.DisplayName, catalog = new { id = catalog } })))).GetProperty("id").GetString()!;
        await client.PostAsync(Em + $"accessPackages/{package}/resourceRoleScopes", Json(new { role = new { originId = "Member_" + group.Id, originSystem = "AadGroup" }, scope = new { originId = group.Id.ToString(), originSystem = "AadGroup" } }));
        var policy = (await ReadJson(await client.PostAsync(Em + "assignmentPolicies", Json(new { displayName = "Direct", accessPackage = new { id = package }, expiration = new { type = "noExpiration" } })))).GetProperty("id").GetString()!;
        return (package, policy);
    }

    [Fact]
    public async Task Scheduled_runs_come_every_interval_and_process_the_membership_changes_since_the_last_one()
    {
        var (tenant, client, user, watched, target) = Tenant();
        var before = tenant.Store.AddUser("before@contoso.onmicrosoft.com");
        var fleeting = tenant.Store.AddUser("fleeting@contoso.onmicrosoft.com");
        tenant.Store.AddMember(watched.Id, before.Id);
        var id = await client.CreateAsync(Membership("Upgrade", "mover", "add", new[] { watched.Id }, Task(AddToGroups, ("groupID", target.Id.ToString()))));
        Assert.Equal(Now.AddHours(3), tenant.Store.NextScheduledWorkflowRun);

        tenant.Clock.Advance(TimeSpan.FromMinutes(30));
        tenant.Store.AddMember(watched.Id, user.Id);
        tenant.Store.AddMember(watched.Id, fleeting.Id);
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        tenant.Store.RemoveMember(watched.Id, fleeting.Id);
        tenant.Clock.Set(Now.AddHours(3).AddSeconds(-1));
        Assert.DoesNotContain(user.Id, tenant.Store.FindGroup(target.Id)!.Members);

        tenant.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { user.Id }, tenant.Store.FindGroup(target.Id)!.Members);
        client = Client(tenant);
        var run = Assert.Single((await client.GetJsonAsync(Lcw + $"workflows/{id}/runs")).GetProperty("value").EnumerateArray());
        Assert.Equal(("scheduled", "completed", 1, 1), (run.GetProperty("workflowExecutionType").GetString(), run.GetProperty("processingStatus").GetString(),
            run.GetProperty("totalUsersCount").GetInt32(), run.GetProperty("totalTasksCount").GetInt32()));
        Assert.Equal(Now.AddHours(3), run.GetProperty("scheduledDateTime").GetDateTimeOffset());
        var runId = run.GetProperty("id").GetString();
        var result = Assert.Single((await client.GetJsonAsync(Lcw + $"workflows/{id}/runs/{runId}/userProcessingResults")).GetProperty("value").EnumerateArray());
        Assert.Equal((user.Id.ToString(), 1), (result.GetProperty("subject").GetProperty("id").GetString(), result.GetProperty("workflowVersion").GetInt32()));
        var task = Assert.Single((await client.GetJsonAsync(Lcw + $"workflows/{id}/userProcessingResults/{result.GetProperty("id").GetString()}/taskProcessingResults")).GetProperty("value").EnumerateArray());
        Assert.Equal(("completed", AddToGroups), (task.GetProperty("processingStatus").GetString(), task.GetProperty("task").GetProperty("taskDefinitionId").GetString()));

        Assert.Equal(Now.AddHours(6), (await client.GetJsonAsync(Lcw + "workflows/" + id)).GetProperty("nextScheduleRunDateTime").GetDateTimeOffset());
        await client.SendAsync(HttpMethod.Patch, Lcw + "settings", new { workflowScheduleIntervalInHours = 1 });
        Assert.Equal(Now.AddHours(4), tenant.Store.NextScheduledWorkflowRun);
        tenant.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Single(tenant.Store.Workflows[0].Runs);
    }

    [Fact]
    public async Task Changes_a_run_makes_are_seen_by_the_next_run_not_the_same_one()
    {
        var (tenant, client, user, watched, target) = Tenant();
        tenant.Store.AddMember(watched.Id, user.Id);
        await client.CreateAsync(Membership("Restore", "mover", "remove", new[] { watched.Id }, Task(AddToGroups, ("groupID", target.Id.ToString()))));
        var notify = await client.CreateAsync(Membership("Notify", "mover", "add", new[] { target.Id }, Task(NotifyManager)));
        tenant.Store.RemoveMember(watched.Id, user.Id);

        tenant.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Contains(user.Id, tenant.Store.FindGroup(target.Id)!.Members);
        Assert.Empty(tenant.Store.Workflows.Single(w => w.Id.ToString() == notify).Runs);

        tenant.Clock.Advance(TimeSpan.FromHours(3));
        var result = Assert.Single(Assert.Single(tenant.Store.Workflows.Single(w => w.Id.ToString() == notify).Runs).UserResults);
        var task = Assert.Single(result.TaskResults);
        Assert.Equal("completed", task.ProcessingStatus);
        Assert.StartsWith("Not modelled by the simulated tenant", task.FailureReason);
    }

    [Fact]
    public async Task Remove_all_licenses_fails_for_licences_inherited_from_a_group_as_in_the_field()
    {
        var (tenant, client, direct, _, _) = Tenant();
        var e3 = tenant.Store.Skus.Single();
        tenant.Store.AssignLicense(direct.Id, e3.SkuId);
        var licensed = tenant.Store.AddGroup("LIC-E3");
        tenant.Store.AssignGroupLicense(licensed.Id, e3.SkuId);
        var inherited = tenant.Store.AddUser("bob@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        tenant.Store.AddMember(licensed.Id, inherited.Id);
        tenant.Store.ProcessPendingNow();
        var id = await client.CreateAsync(OnDemand("Offboard", "leaver", Task(RemoveAllLicenses), Task("509589a4-0466-4471-829e-49c5e502bdee")));

        var activated = await client.SendAsync(HttpMethod.Post, Lcw + $"workflows/{id}/microsoft.graph.identityGovernance.activate", new { subjects = new[] { new { id = direct.Id }, new { id = inherited.Id } } });

        Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);
        Assert.Empty(tenant.Store.GetUser(direct.Id).LicenseAssignmentStates);
        Assert.Contains(tenant.Store.GetUser(inherited.Id).LicenseAssignmentStates, s => s.SkuId == e3.SkuId && s.HoldsSeat);
        client = Client(tenant);
        var run = Assert.Single((await client.GetJsonAsync(Lcw + $"workflows/{id}/runs")).GetProperty("value").EnumerateArray());
        Assert.Equal(("onDemand", "completedWithErrors", 1, 1, 1), (run.GetProperty("workflowExecutionType").GetString(), run.GetProperty("processingStatus").GetString(),
            run.GetProperty("failedUsersCount").GetInt32(), run.GetProperty("failedTasksCount").GetInt32(), run.GetProperty("totalUnprocessedTasksCount").GetInt32()));
        var tasks = (await client.GetJsonAsync(Lcw + $"workflows/{id}/runs/{run.GetProperty("id").GetString()}/taskProcessingResults")).GetProperty("value").EnumerateArray()
            .Where(t => t.GetProperty("subject").GetProperty("id").GetString() == inherited.Id.ToString()).ToList();
        Assert.Equal(new[] { "failed", "canceled" }, tasks.Select(t => t.GetProperty("processingStatus").GetString()));
        Assert.Equal("User license is inherited from a group membership and it cannot be removed directly from the user.", tasks[0].GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task On_demand_runs_need_an_enabled_workflow_and_1_to_10_known_users()
    {
        var (tenant, client, user, watched, target) = Tenant();
        var id = await client.CreateAsync(Membership("Upgrade", "mover", "add", new[] { watched.Id }, Task(AddToGroups, ("groupID", target.Id.ToString()))));
        var activate = Lcw + $"workflows/{id}/activate";
        var eleven = Enumerable.Range(0, 11).Select(i => new { id = tenant.Store.AddUser($"u{i}@contoso.onmicrosoft.com").Id }).ToArray();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Post, activate, new { subjects = eleven })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Post, activate, new { subjects = new[] { new { id = Guid.NewGuid() } } })).StatusCode);
        await client.SendAsync(HttpMethod.Patch, Lcw + "workflows/" + id, new { isEnabled = false, isSchedulingEnabled = false });
        var disabled = await client.SendAsync(HttpMethod.Post, activate, new { subjects = new[] { new { id = user.Id } } });
        Assert.Contains("disabled", (await ReadError(disabled)).Message);
        Assert.Empty(tenant.Store.Workflows[0].Runs);

        await client.SendAsync(HttpMethod.Patch, Lcw + "workflows/" + id, new { isEnabled = true });
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, activate, new { subjects = new[] { new { id = user.Id } } })).StatusCode);
        Assert.Contains(user.Id, tenant.Store.FindGroup(target.Id)!.Members);
    }

    [Fact]
    public async Task Access_package_tasks_end_and_request_assignments_and_a_failed_task_cancels_the_rest()
    {
        var (tenant, client, user, tier3, tier1) = Tenant();
        var (package3, policy3) = await PackageAsync(client, tier3);
        var (package1, policy1) = await PackageAsync(client, tier1);
        await client.PostAsync(Em + "assignmentRequests", Json(new { requestType = "adminAdd", assignment = new { targetId = user.Id, accessPackageId = package3, assignmentPolicyId = policy3 } }));
        tenant.Store.ProcessPendingNow();
        Assert.Contains(user.Id, tenant.Store.FindGroup(tier3.Id)!.Members);
        var spare = tenant.Store.AddGroup("Spare");
        var id = await client.CreateAsync(OnDemand("Downgrade", "mover",
            Task(RemovePackage, ("accessPackageId", package3)), Task(RequestPackage, ("assignmentPolicyId", policy1), ("accessPackageId", package1)), Task(AddToGroups, ("groupID", spare.Id.ToString()))));
        var activate = Lcw + $"workflows/{id}/activate";

        await client.SendAsync(HttpMethod.Post, activate, new { subjects = new[] { new { id = user.Id } } });
        tenant.Store.ProcessPendingNow();
        Assert.Equal(("expired", "delivered"), (tenant.Store.AccessPackageAssignments.Single(a => a.AccessPackageId.ToString() == package3).State, tenant.Store.AccessPackageAssignments.Single(a => a.AccessPackageId.ToString() == package1).State));
        Assert.DoesNotContain(user.Id, tenant.Store.FindGroup(tier3.Id)!.Members);
        Assert.Contains(user.Id, tenant.Store.FindGroup(tier1.Id)!.Members);

        tenant.Store.RemoveMember(spare.Id, user.Id);
        await client.SendAsync(HttpMethod.Post, activate, new { subjects = new[] { new { id = user.Id } } });
        var again = tenant.Store.Workflows[0].Runs[1].UserResults.Single().TaskResults;
        Assert.Equal(new[] { "completed", "failed", "canceled" }, again.Select(t => t.ProcessingStatus));
        Assert.Contains("already has an assignment", again[1].FailureReason);
        Assert.DoesNotContain(user.Id, tenant.Store.FindGroup(spare.Id)!.Members);
    }

    [Fact]
    public async Task Workflows_runs_settings_and_pending_changes_survive_a_snapshot()
    {
        var (tenant, client, user, watched, target) = Tenant();
        var id = await client.CreateAsync(Membership("Upgrade", "mover", "add", new[] { watched.Id }, Task(AddToGroups, ("groupID", target.Id.ToString()))));
        await client.SendAsync(HttpMethod.Patch, Lcw + "settings", new { workflowScheduleIntervalInHours = 2 });
        await client.SendAsync(HttpMethod.Post, Lcw + $"workflows/{id}/activate", new { subjects = new[] { new { id = user.Id } } });
        var late = tenant.Store.AddUser("late@contoso.onmicrosoft.com");
        tenant.Store.AddMember(watched.Id, late.Id);
        var path = Path.Combine(Path.GetTempPath(), $"lg-lcw-{Guid.NewGuid():N}.json");
        try
        {
            tenant.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);

            var workflow = Assert.Single(loaded.Store.Workflows);
            Assert.Equal(("Upgrade", 1, 1), (workflow.DisplayName, workflow.Versions.Count, workflow.Runs.Count));
            Assert.Equal((2, tenant.Store.NextScheduledWorkflowRun), (loaded.Store.WorkflowScheduleIntervalInHours, loaded.Store.NextScheduledWorkflowRun));
            loaded.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Contains(late.Id, loaded.Store.FindGroup(target.Id)!.Members);
            Assert.Equal(2, loaded.Store.Workflows[0].Runs.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_Graph_SDK_creates_versions_and_runs_a_mover_workflow_with_its_typed_models()
    {
        var (tenant, _, user, watched, target) = Tenant();
        var graph = Sdk(tenant);
        static void Prefer(Microsoft.Kiota.Abstractions.RequestConfiguration<Microsoft.Kiota.Abstractions.DefaultQueryParameters> r) => r.Headers.Add("Prefer", "include-unknown-enum-members");
        Workflow Definition(string? description) => new()
        {
            Category = LifecycleWorkflowCategory.Mover,
            DisplayName = "Restore the baseline",
            Description = description,
            IsEnabled = true,
            IsSchedulingEnabled = true,
            ExecutionConditions = new TriggerAndScopeBasedConditions
            {
                Scope = new GroupBasedSubjectSet { Groups = new List<Group> { new() { Id = watched.Id.ToString() } } },
                Trigger = new MembershipChangeTrigger { ChangeType = MembershipChangeType.Remove },
            },
            Tasks = new List<TaskObject> { new() { DisplayName = "Add to the baseline", TaskDefinitionId = AddToGroups, Arguments = new List<Microsoft.Graph.Models.KeyValuePair> { new() { Name = "groupID", Value = target.Id.ToString() } } } },
        };

        var created = await graph.IdentityGovernance.LifecycleWorkflows.Workflows.PostAsync(Definition(null), Prefer);
        var versioned = await graph.IdentityGovernance.LifecycleWorkflows.Workflows[created!.Id].MicrosoftGraphIdentityGovernanceCreateNewVersion.PostAsync(
            new Microsoft.Graph.IdentityGovernance.LifecycleWorkflows.Workflows.Item.MicrosoftGraphIdentityGovernanceCreateNewVersion.CreateNewVersionPostRequestBody { Workflow = Definition("Second version") }, Prefer);
        await graph.IdentityGovernance.LifecycleWorkflows.Workflows[created.Id].MicrosoftGraphIdentityGovernanceActivate.PostAsync(
            new Microsoft.Graph.IdentityGovernance.LifecycleWorkflows.Workflows.Item.MicrosoftGraphIdentityGovernanceActivate.ActivatePostRequestBody { Subjects = new List<User> { new() { Id = user.Id.ToString() } } });
        var read = await graph.IdentityGovernance.LifecycleWorkflows.Workflows[created.Id].GetAsync(r => r.Headers.Add("Prefer", "include-unknown-enum-members"));
        var plain = await graph.IdentityGovernance.LifecycleWorkflows.Workflows[created.Id].GetAsync();
        var runs = await graph.IdentityGovernance.LifecycleWorkflows.Workflows[created.Id].Runs.GetAsync();
        var settings = await graph.IdentityGovernance.LifecycleWorkflows.Settings.GetAsync();

        Assert.Equal((LifecycleWorkflowCategory.Mover, 2, "Second version"), (read!.Category, versioned!.Version, read.Description));
        Assert.Equal(LifecycleWorkflowCategory.UnknownFutureValue, plain!.Category);
        Assert.Equal(MembershipChangeType.Remove, Assert.IsType<MembershipChangeTrigger>(Assert.IsType<TriggerAndScopeBasedConditions>(read.ExecutionConditions).Trigger).ChangeType);
        Assert.Equal(watched.Id.ToString(), Assert.Single(Assert.IsType<GroupBasedSubjectSet>(((TriggerAndScopeBasedConditions)read.ExecutionConditions!).Scope).Groups!).Id);
        Assert.True(Assert.Single(read.Tasks!).Category!.Value.HasFlag(LifecycleTaskCategory.Mover));
        Assert.Equal(WorkflowExecutionType.OnDemand, Assert.Single(runs!.Value!).WorkflowExecutionType);
        Assert.Equal(3, settings!.WorkflowScheduleIntervalInHours);
        Assert.Contains(user.Id, tenant.Store.FindGroup(target.Id)!.Members);
    }
}
