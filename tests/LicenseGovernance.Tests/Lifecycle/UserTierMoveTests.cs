using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>Move-UserLicenseTier: a plan with every step before anything is written, and clear refusals.</summary>
public sealed class UserTierMoveTests
{
    [Fact]
    public async Task ThePlanNamesEveryStep_AndWritesNothing()
    {
        using var fx = await TiersAsync(users: 2);
        var user = fx.Tenant.Workers()[0];
        fx.Tenant.Statistics.Reset();

        var plan = await fx.Engine.PlanUserTierMoveAsync(new MoveUserLicenseTierRequest { User = user.UserPrincipalName, Tier = Tier3, EndDate = fx.Tenant.Clock.UtcNow.AddDays(30) }, new CollectingSink());

        Assert.Equal((Tier1, Tier3), (plan.FromTier, plan.ToTier));
        Assert.Contains(plan.Steps, s => s.StartsWith("join " + Tier3 + " (request its access package " + Tier3 + " until", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.StartsWith("swap in one assignLicense", StringComparison.Ordinal));
        Assert.False(((IChangePlan)plan).IsNoChange);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task AUserInTheTierAlready_IsANoChange()
    {
        using var fx = await TiersAsync(users: 2);
        var user = fx.Tenant.Workers()[0];

        var plan = await fx.Engine.PlanUserTierMoveAsync(new MoveUserLicenseTierRequest { User = user.Id.ToString(), Tier = Tier1 }, new CollectingSink());
        var result = await fx.Engine.ApplyUserTierMovePlanAsync(plan, new CollectingSink());

        Assert.True(((IChangePlan)plan).IsNoChange);
        Assert.Equal(TierMoveOutcome.Skipped, result.Outcome);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithItsOwnError_AndNothingIsWritten()
    {
        using var fx = await TiersAsync(users: 2);
        await fx.NewTierAsync("LIC-Visio", new[] { "SPE_E3" }, tier: 4, force: true);
        var user = fx.Tenant.Workers()[0].UserPrincipalName;
        fx.Tenant.Statistics.Reset();

        Assert.Equal(ErrorIds.GroupNotFound, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = user, Tier = "LIC-M365-Tier9" })).Id);
        Assert.Equal(ErrorIds.UserNotFound, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = "nobody@contoso.onmicrosoft.com", Tier = Tier3 })).Id);
        Assert.Equal(ErrorIds.TierNeedsAccessPackage, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = user, Tier = "LIC-Visio" })).Id);
        Assert.Equal(ErrorIds.TierNeedsAccessPackage, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = user, Tier = Tier1, EndDate = fx.Tenant.Clock.UtcNow.AddDays(9) })).Id);
        Assert.Equal(ErrorIds.TierAssignmentEndInvalid, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = user, Tier = Tier3, EndDate = fx.Tenant.Clock.UtcNow.AddDays(400) })).Id);
        Assert.Equal(ErrorIds.TierAssignmentEndInvalid, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = user, Tier = Tier3, EndDate = fx.Tenant.Clock.UtcNow.AddDays(-1) })).Id);
        Assert.Equal(ErrorIds.TierWaitTimeoutInvalid, (await RefusedAsync(fx, new MoveUserLicenseTierRequest { User = user, Tier = Tier3, WaitTimeoutSeconds = -5 })).Id);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task ATimeoutBeforeTheNewPackageIsRequested_IsWaiting_AndTheSameMoveAgainFinishesIt()
    {
        using var fx = await TiersAsync(users: 2);
        var tenant = fx.Tenant;
        var from = tenant.Clock.UtcNow;
        var user = tenant.Workers()[0];
        var end = tenant.Clock.UtcNow.AddDays(30);

        var waiting = await fx.MoveAsync(user.UserPrincipalName, Tier2, end, waitSeconds: 0);

        Assert.Equal(TierMoveOutcome.Waiting, waiting.Outcome);
        Assert.Contains("Move-UserLicenseTier", waiting.Remedy);
        tenant.Settle();
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier2, end)).Outcome);
        tenant.AssertSettledIn(user, Tier2, from);
    }

    [Fact]
    public async Task ATimeoutAfterTheNewPackageIsRequested_IsWaiting_AndSyncFinishesTheMove()
    {
        using var fx = await TiersAsync(users: 2);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier2, tenant.Clock.UtcNow.AddDays(60))).Outcome);
        var from = tenant.Clock.UtcNow;

        var waiting = await fx.MoveAsync(user.UserPrincipalName, Tier3, tenant.Clock.UtcNow.AddDays(30), waitSeconds: 0);

        Assert.Equal(TierMoveOutcome.Waiting, waiting.Outcome);
        Assert.Contains("Sync-LicenseTier", waiting.Remedy);
        tenant.Settle();
        Assert.Equal(TierMoveOutcome.Moved, (await fx.SyncAsync()).Result(user.Id).Outcome);
        tenant.AssertSettledIn(user, Tier3, from);
    }

    private static async Task<GovernanceError> RefusedAsync(LicenseGovernance.Tests.Engine.EngineFixture fx, MoveUserLicenseTierRequest request) =>
        (await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.PlanUserTierMoveAsync(request, new CollectingSink()))).Error;
}
