using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// Tier moves while entitlement management works asynchronously: an assignment still being removed reads delivered and
/// refuses a second removal, and a delivery can stall for hours. No user is ever left without a mailbox licence.
/// </summary>
public sealed class AsynchronousDeliveryTests
{
    private const string AssignmentRequests = "POST /identityGovernance/entitlementManagement/assignmentRequests";

    private static readonly SimulatorOptions SlowRemoval = new() { AccessPackageRemovalDelay = TimeSpan.FromHours(1) };

    [Fact]
    public async Task ADowngradeWhoseOldAssignmentIsStillBeingRemoved_IsNotUndone_AndTheRemovalIsNotAskedTwice()
    {
        using var fx = await TiersAsync(users: 2, SlowRemoval);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier3, tenant.Clock.UtcNow.AddDays(300))).Outcome);
        var from = tenant.Clock.UtcNow;
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier2, tenant.Clock.UtcNow.AddDays(90))).Outcome);
        Assert.Contains(tenant.Store.AccessPackageAssignments, a => a.TargetId == user.Id && a.State == "delivered" && a.RemovalDueDateTime != null);

        var during = (await fx.SyncAsync()).Of<TierMoveResult>().ToList();

        Assert.DoesNotContain(during, r => r.Outcome == TierMoveOutcome.Failed || r.ToTier == Tier3);
        Assert.All(during, r => Assert.Contains(r.Steps, s => s.Contains("already under way", StringComparison.Ordinal)));
        Assert.Equal(0, tenant.Statistics.ServedWith(AssignmentRequests, 400));
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        tenant.Settle();
        var after = (await fx.SyncAsync()).Of<TierMoveResult>().ToList();
        Assert.True(after.Count == 0, string.Join(" | ", after.Select(r => r.Outcome + ": " + string.Join("; ", r.Steps) + " / " + r.Detail)));
        tenant.AssertOneTier(new[] { user }, _ => Tier2);
        tenant.AssertNoGapNoConflict(new[] { user }, from);
    }

    [Fact]
    public async Task AMoveWhileEntraEndsTheOldAssignment_TakesItsAlreadyBeingRemovedAnswerAsDone()
    {
        using var fx = await TiersAsync(users: 2, SlowRemoval);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        var end = tenant.Clock.UtcNow.AddDays(10);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier3, end)).Outcome);
        // Entra has begun ending the assignment at its end date: it reads delivered for the hour the removal takes.
        tenant.Clock.Set(end.AddMinutes(1));
        var from = tenant.Clock.UtcNow;

        var down = await fx.MoveAsync(user.UserPrincipalName, Tier2, end.AddDays(30));

        Assert.Equal(TierMoveOutcome.Moved, down.Outcome);
        Assert.Contains(down.Steps, s => s.Contains("already under way", StringComparison.Ordinal));
        Assert.DoesNotContain(down.Steps, s => s.Contains("return", StringComparison.Ordinal));
        Assert.Equal(1, tenant.Statistics.ServedWith(AssignmentRequests, 400));
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        tenant.AssertSettledIn(user, Tier2, from);
    }

    [Fact]
    public async Task AStalledDelivery_LeavesTheMovedUserWaitingOnTheDirectCopy_UntilEntraRetriesIt()
    {
        using var fx = await TiersAsync(users: 2);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        var from = tenant.Clock.UtcNow;
        tenant.StallDeliveries(1);

        var waiting = await fx.MoveAsync(user.UserPrincipalName, Tier3, tenant.Clock.UtcNow.AddDays(30));

        Assert.Equal(TierMoveOutcome.Waiting, waiting.Outcome);
        Assert.Contains("stalled", waiting.Remedy, StringComparison.Ordinal);
        Assert.Contains(tenant.Store.GetUser(user.Id).LicenseAssignmentStates, s => s.SkuId == tenant.Sku("SPE_E5") && s.AssignedByGroup == null && s.State == "Active");
        tenant.Statistics.Reset();
        Assert.Equal(TierMoveOutcome.Waiting, (await fx.SyncAsync()).Result(user.Id).Outcome);
        Assert.Equal(0, tenant.Statistics.Writes);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.DeliveredAsync(waiting)).Outcome);
        tenant.AssertSettledIn(user, Tier3, from);
    }

    [Fact]
    public async Task AReturnWhoseDeliveryStalls_BridgesTheTemporaryTier_SoItsEndTakesNothingAway()
    {
        using var fx = await TiersAsync(users: 2);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier3, tenant.Clock.UtcNow.AddDays(300))).Outcome);
        var downgradeEnd = tenant.Clock.UtcNow.AddDays(90);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier2, downgradeEnd)).Outcome);
        tenant.Settle();
        var from = tenant.Clock.UtcNow;
        tenant.StallDeliveries(1);

        tenant.Clock.Set(downgradeEnd.AddHours(-2));
        var requested = (await fx.SyncAsync()).Result(user.Id);
        tenant.Clock.Set(downgradeEnd.AddHours(-1));
        var bridged = (await fx.SyncAsync()).Result(user.Id);

        Assert.Equal(TierMoveOutcome.Waiting, requested.Outcome);
        Assert.Contains(requested.Steps, s => s.StartsWith("requested " + Tier3, StringComparison.Ordinal));
        Assert.Equal(TierMoveOutcome.Waiting, bridged.Outcome);
        Assert.True(bridged.GapAvoided);
        Assert.Contains(bridged.Steps, s => s.StartsWith("bridge: SPE_E3", StringComparison.Ordinal));
        tenant.Clock.Set(downgradeEnd.AddHours(1));
        tenant.Settle();
        Assert.Equal(TierMoveOutcome.Waiting, (await fx.SyncAsync()).Result(user.Id).Outcome);
        tenant.Clock.Advance(tenant.Store.Options.AccessPackageStalledDeliveryRetry!.Value);
        tenant.Settle();
        Assert.Equal(TierMoveOutcome.Moved, (await fx.SyncAsync()).Result(user.Id).Outcome);
        tenant.AssertSettledIn(user, Tier3, from);
        Assert.Null(tenant.Store.FindUserExtension(user.Id, "com.licensegovernance.tierReturn"));
    }
}
