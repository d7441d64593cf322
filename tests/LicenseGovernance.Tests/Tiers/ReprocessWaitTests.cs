using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Tiers;

/// <summary>Invoke-LicenseReprocess -Wait: issue 12's two defects, on the simulated tenant.</summary>
public sealed class ReprocessWaitTests
{
    private static readonly Guid F1 = Guid.Parse("66b55226-6b4f-492c-910c-a3b7a3c9d993");
    private static readonly Guid Visio = Guid.Parse("c5928f49-12ba-48f7-ada3-0d743a3601d5");

    /// <summary>Defect 1: no error yet is not active. The user holds nothing from Tier1 while the group is still queued.</summary>
    [Fact]
    public async Task AUserJustAddedToAQueuedTier_IsActiveOnlyOnceItHoldsTheTiersLicense()
    {
        using var fx = new EngineFixture();
        var (newcomer, tier1) = await NewStarterInTier1Async(fx);
        string? heldWhenReported = null;
        var sink = new CollectingSink { OnObject = _ => heldWhenReported = StateFrom(fx.Tenant, newcomer, tier1) };

        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { User = new[] { newcomer.UserPrincipalName }, Wait = true }, sink);

        var result = Assert.Single(sink.Of<LicenseReprocessResult>());
        Assert.Equal(ReprocessOutcome.Active, result.Outcome);
        Assert.True(heldWhenReported == "Active", $"Reported Active while the user's SPE_F1 from Tier1 was {heldWhenReported ?? "missing"}.");
        Assert.Empty(result.RemainingErrors);
    }

    [Fact]
    public async Task AUserJustAddedToAQueuedTier_IsPendingWhenTheWaitEndsBeforeEntraProcessesTheTier()
    {
        using var fx = new EngineFixture();
        var (newcomer, tier1) = await NewStarterInTier1Async(fx);

        var sink = new CollectingSink();
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { User = new[] { newcomer.UserPrincipalName }, Wait = true, WaitTimeoutSeconds = 30 }, sink);

        Assert.Null(StateFrom(fx.Tenant, newcomer, tier1));
        Assert.Equal(ReprocessOutcome.Pending, Assert.Single(sink.Of<LicenseReprocessResult>()).Outcome);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(86401)]
    public async Task AWaitOutsideOneSecondToADay_IsRefusedBeforeAnythingIsAsked(int seconds)
    {
        using var fx = new EngineFixture();
        var (newcomer, _) = await NewStarterInTier1Async(fx);
        fx.Tenant.Statistics.Reset();

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { User = new[] { newcomer.UserPrincipalName }, Wait = true, WaitTimeoutSeconds = seconds }, new CollectingSink()));

        Assert.Equal(ErrorIds.ReprocessTimeoutInvalid, ex.Error.Id);
        Assert.Equal(0, fx.Tenant.Statistics.HttpRequests);
    }

    /// <summary>Defect 2: the wait reads the group's members page by page, not each user with its own GET.</summary>
    [Fact]
    public async Task AGroupOfAThousandUsersInError_IsWatchedWithTheMemberPagesAndAFewRequestsPerRound()
    {
        using var fx = new EngineFixture();
        var group = await ThousandInCountViolationAsync(fx);
        fx.Tenant.Statistics.Reset();

        var sink = new CollectingSink();
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { Group = "LIC-Visio", Wait = true, WaitTimeoutSeconds = 900 }, sink);

        var results = sink.Of<LicenseReprocessResult>().ToList();
        Assert.Equal(1000, results.Count);
        Assert.All(results, r => Assert.Equal(ReprocessOutcome.Error, r.Outcome));
        Assert.All(results, r => Assert.Equal(Visio + "=CountViolation", Assert.Single(r.RemainingErrors)));
        var stats = fx.Tenant.Statistics;
        // Every round reads the group's processing state once; setting out reads the group, its tier record and the errors.
        var rounds = stats.CountFor("GET /groups/{id}");
        var setup = stats.CountFor("GET /groups") + stats.CountFor("GET /groups/{id}/extensions/{id}") + stats.CountFor("GET /groups/{id}/membersWithLicenseErrors");
        var reads = stats.HttpRequests - stats.CountFor("POST /users/{id}/reprocessLicenseAssignment") - setup;
        var memberPages = (group.Members.Count + 998) / 999;
        Assert.True(rounds > 0 && reads <= rounds * (memberPages + 1), $"{reads} reads in {rounds} round(s) for {group.Members.Count} members ({memberPages} page(s) a round).");
    }

    [Fact]
    public async Task AGroupWaitOnASlowTenant_EndsAtItsTimeout_NotAfterARoundOfAThousandReads()
    {
        using var fx = new EngineFixture(tenant: SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 300 }, new SimulatorOptions { LicenseProcessingDelay = TimeSpan.FromHours(1) }));
        await ThousandInCountViolationAsync(fx);
        // From here every request takes a second of the tenant's time.
        fx.Tenant.Options.ClockTimePerRequest = TimeSpan.FromSeconds(1);
        var lastAsked = DateTimeOffset.MinValue;
        var reported = DateTimeOffset.MinValue;
        var sink = new CollectingSink
        {
            Decide = (_, _) => { lastAsked = fx.Tenant.Clock.UtcNow; return true; },
            OnObject = _ => reported = reported == DateTimeOffset.MinValue ? fx.Tenant.Clock.UtcNow : reported,
        };

        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { Group = "LIC-Visio", Wait = true, WaitTimeoutSeconds = 25 }, sink);

        Assert.All(sink.Of<LicenseReprocessResult>(), r => Assert.Equal(ReprocessOutcome.Pending, r.Outcome));
        // The wait starts once the last reprocess request (one second) is sent; it may finish the one read in flight.
        var waited = reported - lastAsked - TimeSpan.FromSeconds(1);
        Assert.True(waited <= TimeSpan.FromSeconds(25 + 1), $"Waited {waited.TotalSeconds:0} s for a 25 s timeout.");
    }

    private static async Task<(SimulatedUser User, Guid Tier1)> NewStarterInTier1Async(EngineFixture fx)
    {
        var store = fx.Tenant.Store;
        var tier1 = await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);
        fx.Tenant.Settle();
        store.SetPrepaidUnits(F1, store.GetSku(F1)!.ConsumedUnits + 10);
        var newcomer = store.AddUser("new.starter@" + fx.Tenant.DefaultDomain, u => u.UsageLocation = "US");
        store.AddMember(tier1.GroupId, newcomer.Id);
        Assert.Equal("QueuedForProcessing", store.FindGroup(tier1.GroupId)!.LicenseProcessingState);
        return (newcomer, tier1.GroupId);
    }

    private static async Task<SimulatedGroup> ThousandInCountViolationAsync(EngineFixture fx)
    {
        var store = fx.Tenant.Store;
        var tier = await fx.NewTierAsync("LIC-Visio", new[] { "VISIOCLIENT" }, tier: 20);
        store.SetPrepaidUnits(Visio, store.GetSku(Visio)!.ConsumedUnits);
        for (var i = 0; i < 1000; i++)
        {
            store.AddMember(tier.GroupId, store.AddUser($"visio{i}@{fx.Tenant.DefaultDomain}", u => u.UsageLocation = "US").Id);
        }

        fx.Tenant.Settle();
        var group = store.FindGroup(tier.GroupId)!;
        Assert.Equal(1000, store.Users.Count(u => u.LicenseAssignmentStates.Any(s => s.AssignedByGroup == group.Id && s.State == "Error")));
        return group;
    }

    private static string? StateFrom(SimulatedTenant tenant, SimulatedUser user, Guid groupId) =>
        tenant.Store.GetUser(user.Id).LicenseAssignmentStates.Find(s => s.AssignedByGroup == groupId && s.SkuId == F1)?.State;
}
