using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using LicenseGovernance.Tests.Waste;
using Microsoft.Graph.Models;
using Xunit;

namespace LicenseGovernance.Tests.Kernel;

/// <summary>
/// The removal planner on its own: one user who gets SPE_E5 (which carries an Exchange Online mailbox) and VISIOCLIENT in the
/// ways each test sets up, planned against the simulated tenant. Nothing is written; the plan says what would be.
/// </summary>
public sealed class LicenseRemovalPlannerTests : IDisposable
{
    private readonly SimulatedTenant _tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 20, Seed = 23 });
    private readonly EngineFixture _fx;
    private readonly TenantStore _store;
    private readonly Guid _e5;
    private readonly Guid _visio;
    private readonly SimulatedUser _user;

    public LicenseRemovalPlannerTests()
    {
        _fx = new EngineFixture(tenant: _tenant);
        _store = _tenant.Store;
        _e5 = _store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        _visio = _store.AddSku("VISIOCLIENT", 10).SkuId;
        _store.SetPrepaidUnits(_e5, _store.GetSku(_e5)!.PrepaidEnabled + 10);
        _user = _store.AddUser("pat.planner@contoso.onmicrosoft.com", u =>
        {
            u.UsageLocation = "US";
            u.Department = "Former staff";
        });
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task ADirectLicenseIsOneStepThatKeepsItsDisabledPlans_AndItsMailboxIsGuarded()
    {
        var disabled = _store.GetSku(_e5)!.ServicePlans.Where(p => !p.ServicePlanName.StartsWith("EXCHANGE", StringComparison.Ordinal)).Take(2).Select(p => p.ServicePlanId).OrderBy(p => p).ToArray();
        _store.AssignLicense(_user.Id, _e5, disabled);

        var plan = await PlanAsync(_e5);

        Assert.Null(plan.Refusal);
        var step = Assert.Single(plan.Steps);
        Assert.Equal(LicenseRemovalStepKind.RemoveDirectAssignment, step.Kind);
        Assert.Null(step.GroupId);
        Assert.False(step.AlreadyDone);
        Assert.Equal(_e5, step.DirectLicense!.SkuId);
        Assert.Equal(disabled, step.DirectLicense.DisabledPlans);
        Assert.Equal("remove the direct SPE_E5", step.Description);
        Assert.Empty(plan.AlsoLost);
        Assert.False(plan.EndsMembership);
        var mailbox = Assert.Single(plan.Mailboxes);
        Assert.Equal("SPE_E5", mailbox.SkuPartNumber);
        Assert.Null(mailbox.ThroughGroup);
        Assert.All(mailbox.Plans, p => Assert.StartsWith("EXCHANGE_S_", p, StringComparison.Ordinal));
        Assert.StartsWith("pat / SPE_E5: the change takes away the Exchange Online mailbox licence SPE_E5 (EXCHANGE_S_", plan.MailboxWarning("pat / SPE_E5"));
        Assert.EndsWith("deleted after 30 days.", plan.MailboxWarning("pat / SPE_E5"));
    }

    [Fact]
    public async Task ALicenseWhoseMailboxPlansAreSwitchedOffTakesNoMailbox()
    {
        var exchange = _store.GetSku(_e5)!.ServicePlans.Where(p => p.ServicePlanName.StartsWith("EXCHANGE_S_", StringComparison.Ordinal)).Select(p => p.ServicePlanId);
        _store.AssignLicense(_user.Id, _e5, exchange);

        var plan = await PlanAsync(_e5);

        Assert.Single(plan.Steps);
        Assert.Empty(plan.Mailboxes);
        Assert.Null(plan.MailboxWarning("pat / SPE_E5"));
    }

    [Fact]
    public async Task AGroupLicenseIsFreedByLeavingTheGroup()
    {
        var group = LicenseGroup("LIC-E5-Plain", _e5);

        var plan = await PlanAsync(_e5);

        var step = Assert.Single(plan.Steps);
        Assert.Equal(LicenseRemovalStepKind.LeaveGroup, step.Kind);
        Assert.Equal(group.Id.ToString(), step.GroupId);
        Assert.Equal("LIC-E5-Plain", step.GroupName);
        Assert.Null(step.DirectLicense);
        Assert.Equal("remove the user from group 'LIC-E5-Plain' (or end the access package assignment that delivers it)", step.Description);
        Assert.True(plan.EndsMembership);
        Assert.Equal("SPE_E5", Assert.Single(plan.Mailboxes).SkuPartNumber);
    }

    [Fact]
    public async Task ALicenseHeldDirectlyAndFromAGroupTakesBothSteps()
    {
        _store.AssignLicense(_user.Id, _e5);
        LicenseGroup("LIC-E5-Plain", _e5);

        var plan = await PlanAsync(_e5);

        Assert.Equal(new[] { LicenseRemovalStepKind.RemoveDirectAssignment, LicenseRemovalStepKind.LeaveGroup }, plan.Steps.Select(s => s.Kind).OrderBy(k => k));
        Assert.Null(plan.Refusal);
        Assert.Empty(plan.AlsoLost);
    }

    [Fact]
    public async Task AMembershipAnAccessPackageDeliversIsEndedThroughThePackage_EvenInARoleAssignableGroupWithoutRoleManagement()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = 365 });
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = _user.UserPrincipalName, Tier = "LIC-M365-Tier3", Justification = "Project" });
        _tenant.Settle();
        var group = _store.Groups.Single(g => g.DisplayName == "LIC-M365-Tier3");
        _store.UpdateGroup(group.Id, g => g.IsAssignableToRole = true);
        _fx.Engine.ConnectSimulator(_tenant, _tenant.Without("RoleManagement.ReadWrite.Directory"));
        var sources = await SourcesAsync(_e5);

        var plan = await PlanAsync(_e5, sources: sources);

        Assert.Null(plan.Refusal);
        var step = Assert.Single(plan.Steps);
        Assert.Equal(LicenseRemovalStepKind.EndAccessPackageAssignment, step.Kind);
        Assert.Equal(Assert.Single(sources).AccessPackageName, step.AccessPackageName);
        Assert.Equal($"end the access package assignment '{step.AccessPackageName}' that makes the user a member of 'LIC-M365-Tier3'", step.Description);
    }

    [Theory]
    [InlineData(nameof(LicenseRemovalRefusalKind.DynamicGroup), ErrorIds.ZombieLicenseFromDynamicGroup)]
    [InlineData(nameof(LicenseRemovalRefusalKind.SyncedGroup), ErrorIds.ZombieLicenseFromSyncedGroup)]
    [InlineData(nameof(LicenseRemovalRefusalKind.MailEnabledGroup), ErrorIds.ZombieLicenseFromMailEnabledGroup)]
    [InlineData(nameof(LicenseRemovalRefusalKind.RoleAssignableGroup), ErrorIds.ZombieLicenseFromRoleAssignableGroup)]
    public async Task AGroupGraphCannotTakeTheUserOutOfRefusesTheWholePlan(string refusal, string errorId)
    {
        var kind = Enum.Parse<LicenseRemovalRefusalKind>(refusal);
        _store.AssignLicense(_user.Id, _e5);
        var group = LicenseGroup("LIC-E5-Mastered", _e5, g => Master(g, kind));
        _fx.Engine.ConnectSimulator(_tenant, _tenant.Without("RoleManagement.ReadWrite.Directory"));

        var plan = await PlanAsync(_e5);

        var refused = plan.Refusal!;
        Assert.Equal(kind, refused.Kind);
        Assert.Equal(refusal, refused.Code);
        Assert.Equal(group.Id.ToString(), refused.GroupId);
        Assert.Equal("LIC-E5-Mastered", refused.GroupName);
        Assert.Contains("'LIC-E5-Mastered'", refused.Detail);
        var error = refused.Error("pat / SPE_E5");
        Assert.Equal(errorId, error.Id);
        Assert.Contains("SPE_E5", error.Message);
        // Refused before anything: the direct assignment alone would not free the seat, so it is no step either.
        Assert.Empty(plan.Steps);
        Assert.Empty(plan.Mailboxes);
    }

    [Fact]
    public async Task ARoleAssignableGroupIsLeftWhenTheTokenHasRoleManagement()
    {
        LicenseGroup("LIC-E5-Admins", _e5, g => g.IsAssignableToRole = true);

        var plan = await PlanAsync(_e5);

        Assert.Null(plan.Refusal);
        Assert.Equal(LicenseRemovalStepKind.LeaveGroup, Assert.Single(plan.Steps).Kind);
    }

    /// <summary>Two groups that both give Visio and E5: leaving both for Visio takes E5 too, listed once, and E5's mailbox is guarded.</summary>
    [Fact]
    public async Task WhatLeavingGroupsAlsoTakesIsListedOnce_WithItsMailbox()
    {
        var first = LicenseGroup("LIC-E5-Visio-A", _e5, _visio);
        LicenseGroup("LIC-E5-Visio-B", _e5, _visio);

        var plan = await PlanAsync(_visio);

        Assert.Equal(2, plan.Steps.Count);
        var lost = Assert.Single(plan.AlsoLost);
        Assert.Equal((_e5, "SPE_E5"), (lost.SkuId, lost.SkuPartNumber));
        var taking = plan.Steps.Single(s => s.AlsoLost.Count > 0);
        Assert.Equal(lost.GroupName, taking.GroupName);
        Assert.EndsWith("; the user also loses SPE_E5, which that group gives and nothing else does", taking.Description);
        Assert.Contains(first.DisplayName, plan.Steps.Select(s => s.GroupName));
        Assert.StartsWith($"pat / VISIOCLIENT: leaving group '{taking.GroupName}' also takes away SPE_E5 from the user", Assert.Single(plan.AlsoLostWarnings("pat / VISIOCLIENT")));
        var mailbox = Assert.Single(plan.Mailboxes);
        Assert.Equal(("SPE_E5", taking.GroupName), (mailbox.SkuPartNumber, mailbox.ThroughGroup));
        Assert.Contains($", through group '{taking.GroupName}')", plan.MailboxWarning("pat / VISIOCLIENT"));
    }

    [Fact]
    public async Task WhatTheUserKeepsAnotherWayIsNotLost()
    {
        _store.AssignLicense(_user.Id, _e5);
        LicenseGroup("LIC-E5-Visio", _e5, _visio);

        var plan = await PlanAsync(_visio);

        Assert.Equal(LicenseRemovalStepKind.LeaveGroup, Assert.Single(plan.Steps).Kind);
        Assert.Empty(plan.AlsoLost);
        Assert.Empty(plan.Mailboxes);
        Assert.Empty(plan.AlsoLostWarnings("pat / VISIOCLIENT"));
    }

    [Fact]
    public async Task AMembershipTheRunAlreadyEndedIsMarkedDone_AndEachGroupIsReadOnceARun()
    {
        var group = LicenseGroup("LIC-E5-Visio", _e5, _visio);
        var run = await RunAsync();
        _tenant.Statistics.Reset();

        var before = await PlanAsync(_visio, run);
        run.LeftGroups.Add(LicenseRemovalRun.MembershipKey(group.Id.ToString(), _user.Id));
        var after = await PlanAsync(_e5, run);

        Assert.Equal("SPE_E5", Assert.Single(before.AlsoLost).SkuPartNumber);
        var step = Assert.Single(after.Steps);
        Assert.True(step.AlreadyDone);
        Assert.Empty(step.AlsoLost);
        Assert.Equal("left group 'LIC-E5-Visio' earlier in this run", step.Description);
        Assert.Equal(1, _tenant.Statistics.CountFor("GET /groups/{id}"));
    }

    /// <summary>A licence group with the user as a member (or, for a dynamic group, by its rule), processed.</summary>
    private SimulatedGroup LicenseGroup(string name, Guid sku, Action<SimulatedGroup>? configure = null) => LicenseGroup(name, new[] { sku }, configure);

    private SimulatedGroup LicenseGroup(string name, Guid first, Guid second) => LicenseGroup(name, new[] { first, second }, null);

    private SimulatedGroup LicenseGroup(string name, Guid[] skus, Action<SimulatedGroup>? configure)
    {
        var group = _store.AddGroup(name, g =>
        {
            configure?.Invoke(g);
            if (!g.IsDynamic)
            {
                g.Members.Add(_user.Id);
            }
        });
        foreach (var sku in skus)
        {
            _store.AssignGroupLicense(group.Id, sku);
        }

        _tenant.Settle();
        Assert.Contains(group.Id, _store.GetUser(_user.Id).MemberOf);
        return group;
    }

    private static void Master(SimulatedGroup group, LicenseRemovalRefusalKind kind)
    {
        switch (kind)
        {
            case LicenseRemovalRefusalKind.DynamicGroup:
                group.GroupTypes.Add("DynamicMembership");
                group.MembershipRule = "user.department -eq \"Former staff\"";
                group.MembershipRuleProcessingState = "On";
                break;
            case LicenseRemovalRefusalKind.SyncedGroup:
                group.OnPremisesSyncEnabled = true;
                break;
            case LicenseRemovalRefusalKind.MailEnabledGroup:
                group.MailEnabled = true;
                group.Mail = "lic-e5@contoso.com";
                break;
            default:
                group.IsAssignableToRole = true;
                break;
        }
    }

    private async Task<LicenseRemovalRun> RunAsync()
    {
        var sink = new CollectingSink();
        await _fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);
        return new LicenseRemovalRun(sink.Of<LicenseSku>().ToList());
    }

    /// <summary>How the licence reaches the user, as a scan describes it (access packages included).</summary>
    private async Task<ZombieLicenseSource[]> SourcesAsync(Guid sku)
    {
        var session = _fx.Engine.Session!;
        var skus = new CollectingSink();
        await _fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), skus);
        var sources = await LicenseSources.ReadAsync(session, skus.Of<LicenseSku>(), CancellationToken.None);
        return sources.Describe(_user.Id.ToString(), LicenseStates.Held(await ReadUserAsync(), sku));
    }

    private async Task<LicenseRemovalPlan> PlanAsync(Guid sku, LicenseRemovalRun? run = null, IReadOnlyList<ZombieLicenseSource>? sources = null) =>
        await LicenseRemovalPlanner.PlanAsync(_fx.Engine.Session!, run ?? await RunAsync(), await ReadUserAsync(), sku, sources ?? Array.Empty<ZombieLicenseSource>(), CancellationToken.None);

    private async Task<User> ReadUserAsync() =>
        (await _fx.Engine.Session!.Client.Users[_user.Id.ToString()].GetAsync(r => r.QueryParameters.Select = new[] { "id", "userPrincipalName", "licenseAssignmentStates" }))!;
}
