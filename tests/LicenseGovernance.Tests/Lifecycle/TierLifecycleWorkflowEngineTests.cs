using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Simulator;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.TierWorkflowSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>New-TierLifecycleWorkflow against the simulated tenant, which validates the workflows as Graph v1.0 does.</summary>
public sealed class TierLifecycleWorkflowEngineTests
{
    private const string RestoreName = "LicenseGovernance: restore baseline LIC-M365-Tier1 on leaving a tier";

    [Fact]
    public async Task Document000WorkflowsAreCreatedAsTheV1SchemaAcceptsThemAndARerunWritesNothing()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        var packages = fx.Tenant.Store.AccessPackages.ToDictionary(p => p.DisplayName, p => p.Id.ToString());

        var created = await fx.NewWorkflowsAsync();

        Assert.Equal(new[] { TierWorkflowKind.RemoveConflictingTiers, TierWorkflowKind.RemoveConflictingTiers, TierWorkflowKind.RemoveConflictingTiers, TierWorkflowKind.RestoreBaseline }, created.Select(w => w.Kind));
        Assert.All(created, w => Assert.Equal((TierWorkflowResult.Created, 1, true, 3), (w.Result, w.Version, w.Scheduled, w.ScheduleIntervalHours)));
        Assert.All(created, w => Assert.Contains("Sync-LicenseTier", w.Gap));
        Assert.All(created, w => Assert.Contains("up to 3 hours", w.Gap));
        var upgrade = created.Single(w => w.Trigger == "Added to " + Tier3);
        Assert.Equal(new[] { "Remove access package assignment: " + Tier1, "Remove access package assignment: " + Tier2 }, upgrade.Tasks);
        Assert.Contains("MutuallyExclusiveViolation", upgrade.Gap);
        var restore = created.Single(w => w.Kind == TierWorkflowKind.RestoreBaseline);
        Assert.Equal((RestoreName, $"Removed from {Tier2} or {Tier3}"), (restore.Name, restore.Trigger));
        Assert.Equal("Request access package assignment: " + Tier1, Assert.Single(restore.Tasks));
        Assert.Contains("holds no licence at all", restore.Gap);
        Assert.Equal(fx.Tenant.Store.NextScheduledWorkflowRun, restore.NextRun);

        var stored = fx.Tenant.Store.Workflows;
        Assert.Equal(4, stored.Count);
        Assert.All(stored, w => Assert.Equal(("mover", true), (w.Category, w.RunsOnSchedule())));
        var storedRestore = stored.Single(w => w.Id == restore.Id);
        var tierGroups = fx.Tenant.Store.Groups.Where(g => g.DisplayName.StartsWith("LIC-M365-Tier", StringComparison.Ordinal)).ToDictionary(g => g.DisplayName, g => g.Id);
        Assert.Equal("remove", storedRestore.Conditions.ChangeType);
        Assert.Equal(new[] { tierGroups[Tier2], tierGroups[Tier3] }.OrderBy(g => g), storedRestore.Conditions.GroupIds.OrderBy(g => g));
        var request = Assert.Single(storedRestore.Tasks);
        Assert.Equal(packages[Tier1], request.Arguments.Single(a => a.Name == "accessPackageId").Value);
        Assert.Equal(fx.Tenant.Store.AssignmentPolicies.Single(p => p.AccessPackageId.ToString() == packages[Tier1]).Id.ToString(), request.Arguments.Single(a => a.Name == "assignmentPolicyId").Value);
        Assert.Equal(4, new JournalFile(fx.Engine.JournalPath).Load(out _).Count(e => e.Operation == "LifecycleWorkflow.Create" && e.Command == "New-TierLifecycleWorkflow"));

        var writes = fx.Tenant.Statistics.Writes;
        var plan = await fx.PlanWorkflowsAsync();
        Assert.True(((IChangePlan)plan).IsNoChange);
        var again = await fx.Engine.ApplyTierLifecycleWorkflowPlanAsync(plan, new CollectingSink());
        Assert.All(again, w => Assert.Equal(TierWorkflowResult.Unchanged, w.Result));
        Assert.Equal(created.Select(w => w.Id), again.Select(w => w.Id));
        Assert.Equal(writes, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task ThePlanShowsTheBodiesAndWritesNothing()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        var writes = fx.Tenant.Statistics.Writes;

        var plan = await fx.PlanWorkflowsAsync();

        Assert.Equal(4, plan.Changes.Count);
        Assert.All(plan.Changes, c => Assert.Equal((LifecycleWorkflowChangeAction.Create, "POST /identityGovernance/lifecycleWorkflows/workflows"), (c.Action, c.Request)));
        var description = ((IChangePlan)plan).Description;
        foreach (var expected in new[] { "\"category\":\"mover\"", "#microsoft.graph.identityGovernance.membershipChangeTrigger", "#microsoft.graph.identityGovernance.groupBasedSubjectSet", "\"changeType\":\"remove\"", "4a0b64f2-c7ec-46ba-b117-18f262946c50", "c1ec1e76-f374-4375-aaa6-0bb6bd4c60be" })
        {
            Assert.Contains(expected, description);
        }

        Assert.Empty(fx.Tenant.Store.Workflows);
        Assert.Equal(writes, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task ANewTierGivesNewVersionsAndNoScheduleUpdatesInPlace()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        await fx.NewWorkflowsAsync();
        await fx.NewTierAsync("LIC-M365-Tier4", new[] { "SPE_E5" }, tier: 4);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier4" });

        var plan = await fx.PlanWorkflowsAsync();
        Assert.Equal(new[] { LifecycleWorkflowChangeAction.CreateNewVersion, LifecycleWorkflowChangeAction.CreateNewVersion, LifecycleWorkflowChangeAction.CreateNewVersion, LifecycleWorkflowChangeAction.Create, LifecycleWorkflowChangeAction.CreateNewVersion },
            plan.Changes.Select(c => c.Action));
        var versioned = await fx.Engine.ApplyTierLifecycleWorkflowPlanAsync(plan, new CollectingSink());
        Assert.Equal(new[] { 2, 2, 2, 1, 2 }, versioned.Select(w => w.Version!.Value));
        Assert.Equal(TierWorkflowResult.Created, versioned[3].Result);
        Assert.Contains("Remove access package assignment: LIC-M365-Tier4", versioned[0].Tasks);
        Assert.Equal(3, fx.Tenant.Store.Workflows.Single(w => w.DisplayName == RestoreName).Conditions.GroupIds.Count);

        var unscheduled = await fx.NewWorkflowsAsync(noSchedule: true);
        Assert.All(unscheduled, w => Assert.Equal((TierWorkflowResult.Updated, false, (DateTimeOffset?)null), (w.Result, w.Scheduled, w.NextRun)));
        Assert.All(fx.Tenant.Store.Workflows, w => Assert.False(w.IsSchedulingEnabled));
        Assert.Null(fx.Tenant.Store.NextScheduledWorkflowRun);
        Assert.All(unscheduled, w => Assert.StartsWith("It is not scheduled (-NoSchedule)", w.Gap));
    }

    [Fact]
    public async Task AWorkflowOfTheSameNameInAnotherCategoryIsReportedAndLeftAlone()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        using var client = SimulatorFixture.Client(fx.Tenant);
        await client.CreateAsync(WorkflowBodies.OnDemand(RestoreName, "leaver", WorkflowBodies.Task(WorkflowBodies.RemoveAllLicenses)));

        var results = await fx.NewWorkflowsAsync();

        var skipped = results.Single(w => w.Kind == TierWorkflowKind.RestoreBaseline);
        Assert.Equal(TierWorkflowResult.Skipped, skipped.Result);
        Assert.Contains("category Leaver", skipped.Detail);
        Assert.Equal("leaver", fx.Tenant.Store.Workflows.Single(w => w.DisplayName == RestoreName).Category);
        Assert.Equal(3, results.Count(w => w.Result == TierWorkflowResult.Created));
    }

    [Fact]
    public async Task TheTenantLimitOf100IsCheckedBeforeAnythingIsCreated()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        using var client = SimulatorFixture.Client(fx.Tenant);
        for (var i = 0; i < 97; i++)
        {
            await client.CreateAsync(WorkflowBodies.OnDemand("Offboarding " + i, "leaver", WorkflowBodies.Task(WorkflowBodies.RemoveAllLicenses)));
        }

        var refused = await fx.WorkflowsFailAsync();

        Assert.Equal(ErrorIds.LifecycleWorkflowLimitReached, refused.Id);
        Assert.Contains("97 lifecycle workflows and the tiers need 4 more", refused.Message);
        Assert.Equal(97, fx.Tenant.Store.Workflows.Count);
    }

    [Fact]
    public async Task TiersABaselineAndAccessPackagesAreNeededAndATierWithoutAPackageIsWarnedAbout()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync(Tier3, new[] { "SPE_E5" }, tier: 3);
        Assert.Equal(ErrorIds.TierWorkflowsNeedTiers, (await fx.WorkflowsFailAsync()).Id);
        await fx.NewTierAsync(Tier1, new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync(Tier2, new[] { "SPE_E3" }, tier: 2);
        Assert.Equal(ErrorIds.TierWorkflowsNeedAccessPackages, (await fx.WorkflowsFailAsync()).Id);

        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier3 });
        var plan = await fx.PlanWorkflowsAsync();

        Assert.Contains(plan.Warnings, w => w.StartsWith("'LIC-M365-Tier2' has no access package", StringComparison.Ordinal));
        Assert.Contains("\"taskDefinitionId\":\"22085229-5809-45e8-97fd-270d28d66910\"", plan.Changes.Single(c => c.Workflow == RestoreName).Body);
        Assert.Equal(3, plan.Changes.Count);
    }

    [Fact]
    public async Task WithoutEntraIdGovernanceTheTenantLicenceIsNamed()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        fx.Tenant.Options.TenantHasEntraIdGovernance = false;

        var refused = await fx.WorkflowsFailAsync();

        Assert.Equal(ErrorIds.TenantLicenseRequired, refused.Id);
        Assert.Contains("Microsoft Entra ID Governance", refused.Message);
    }
}
