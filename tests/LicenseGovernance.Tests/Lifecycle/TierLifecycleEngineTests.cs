using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// Document 000 with the README's tiers: upgrades, expiry and temporary downgrades in the safe order, on the licence timeline;
/// with access package delivery asynchronous, and again with every delivery the module requests stalling for six hours.
/// </summary>
public sealed class TierLifecycleEngineTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task Document000_ASubcontractorMovedToTier3For180Days_ReturnsToTier1AtExpiry_NeverWithoutAMailboxLicence(double stall)
    {
        using var fx = await TiersAsync();
        var tenant = fx.Tenant;
        var from = tenant.Clock.UtcNow;
        var sub = tenant.Workers()[0];
        var end = tenant.Clock.UtcNow.AddDays(180);
        tenant.StallDeliveries(stall);

        var moved = await fx.MoveAsync(sub.UserPrincipalName, Tier3, end);

        Assert.Equal(stall > 0 ? TierMoveOutcome.Waiting : TierMoveOutcome.Moved, moved.Outcome);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.DeliveredAsync(moved)).Outcome);
        Assert.Equal((Tier1, Tier3), (moved.FromTier, moved.ToTier));
        Assert.True(moved.GapAvoided);
        tenant.AssertOneTier(tenant.Workers(), u => u.Id == sub.Id ? Tier3 : Tier1);
        var quiet = await fx.SyncAsync();
        Assert.Empty(quiet.Of<TierMoveResult>());

        tenant.Clock.Set(end.AddHours(-1));
        var bridged = (await fx.SyncAsync()).Result(sub.Id);
        Assert.Equal(TierMoveOutcome.Bridged, bridged.Outcome);
        tenant.Clock.Set(end.AddHours(1));
        tenant.Settle();
        var back = (await fx.SyncAsync()).Result(sub.Id);

        Assert.Equal(TierMoveOutcome.Moved, back.Outcome);
        Assert.Equal(Tier1, back.ToTier);
        Assert.Null(back.GapSeconds);
        tenant.AssertOneTier(tenant.Workers(), _ => Tier1);
        tenant.AssertNoGapNoConflict(tenant.Workers(), from);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task A90DayDowngrade_ReturnsTheUserToTier3WithItsOldEndDate(double stall)
    {
        using var fx = await TiersAsync();
        var tenant = fx.Tenant;
        var from = tenant.Clock.UtcNow;
        var user = tenant.Workers()[1];
        var tier3End = tenant.Clock.UtcNow.AddDays(300);
        tenant.StallDeliveries(stall);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.DeliveredAsync(await fx.MoveAsync(user.UserPrincipalName, Tier3, tier3End))).Outcome);
        var downgradeEnd = tenant.Clock.UtcNow.AddDays(90);

        var down = await fx.MoveAsync(user.UserPrincipalName, Tier2, downgradeEnd);

        Assert.Equal(stall > 0 ? TierMoveOutcome.Waiting : TierMoveOutcome.Moved, down.Outcome);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.DeliveredAsync(down)).Outcome);
        Assert.Contains(down.Steps, s => s.Contains("return to " + Tier3));
        tenant.Settle();
        tenant.AssertOneTier(new[] { user }, _ => Tier2);
        // The scheduled runs in between read the return (Tier3's assignment has just ended) and keep it for its day.
        Assert.Empty((await fx.SyncAsync()).Of<TierMoveResult>());
        Assert.NotNull(tenant.Store.FindUserExtension(user.Id, "com.licensegovernance.tierReturn"));
        // The first hourly run whose look-ahead reaches the downgrade's end.
        tenant.Clock.Set(downgradeEnd.AddHours(-2));
        var back = (await fx.SyncAsync()).Result(user.Id);

        Assert.Equal(stall > 0 ? TierMoveOutcome.Waiting : TierMoveOutcome.Moved, back.Outcome);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.DeliveredAsync(back)).Outcome);
        Assert.Equal((Tier2, Tier3), (back.FromTier, back.ToTier));
        tenant.Settle();
        tenant.AssertOneTier(new[] { user }, _ => Tier3);
        var assignment = Assert.Single(tenant.Store.AccessPackageAssignments, a => a.TargetId == user.Id && a.State == "delivered");
        Assert.Equal(tier3End, assignment.EndDateTime);
        Assert.Null(tenant.Store.FindUserExtension(user.Id, "com.licensegovernance.tierReturn"));
        tenant.Clock.Set(downgradeEnd.AddDays(1));
        tenant.Settle();
        Assert.Empty((await fx.SyncAsync()).Of<TierMoveResult>());
        tenant.AssertOneTier(new[] { user }, _ => Tier3);
        tenant.AssertNoGapNoConflict(new[] { user }, from);
    }
}
