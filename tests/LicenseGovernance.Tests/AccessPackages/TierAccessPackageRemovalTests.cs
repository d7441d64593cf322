using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Lifecycle;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.AccessPackages;

/// <summary>
/// Remove-TierAccessPackage (document 002 step 7) on the README's tiers: refused while the package is held, and under
/// -Force its holders moved in the safe order, with no instant without a mailbox licence, before anything is deleted.
/// </summary>
public sealed class TierAccessPackageRemovalTests
{
    [Fact]
    public async Task AHeldPackage_IsRefusedWithoutForce_NamingHowMany_AndNothingChanges()
    {
        using var fx = await TiersAsync(users: 3);
        await HoldTier3Async(fx, fx.Tenant.Workers()[0]);
        fx.Tenant.Statistics.Reset();

        var error = (await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.PlanRemoveTierAccessPackageAsync(new RemoveTierAccessPackageRequest { Tier = Tier3 }, new CollectingSink()))).Error;

        Assert.Equal(ErrorIds.TierAccessPackageInUse, error.Id);
        Assert.Contains("1 active assignment(s)", error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
        Assert.Single(fx.Tenant.Store.AccessPackages, p => p.DisplayName == Tier3);
    }

    [Fact]
    public async Task WhatIf_NamesTheHoldersTheirStepsAndEveryObjectToDelete_AndWritesNothing()
    {
        using var fx = await TiersAsync(users: 3);
        var holder = fx.Tenant.Workers()[0];
        await HoldTier3Async(fx, holder);
        fx.Tenant.Statistics.Reset();

        var plan = await fx.Engine.PlanRemoveTierAccessPackageAsync(new RemoveTierAccessPackageRequest { Tier = Tier3, Force = true }, new CollectingSink());

        var move = Assert.Single(plan.Holders);
        Assert.Equal((holder.UserPrincipalName, Tier3, Tier1, TierMoveOutcome.Planned), (move.UserPrincipalName, move.FromTier, move.ToTier, move.Outcome));
        Assert.Contains(move.Steps, s => s.StartsWith("bridge: assign SPE_E5 directly", StringComparison.Ordinal));
        Assert.Equal(new[] { "accessPackageAssignmentPolicy", "accessPackageResourceRoleScope", "accessPackage", "accessPackageResource" }, plan.Changes.Select(c => c.ObjectType));
        var description = ((IChangePlan)plan).Description;
        Assert.Contains(holder.UserPrincipalName + ": from " + Tier3 + " to " + Tier1, description);
        Assert.Contains("DELETE /identityGovernance/entitlementManagement/accessPackages/" + plan.PackageId, description);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task Force_MovesAnExclusiveAndANonExclusiveHolderInTheSafeOrder_ThenDeletesThePackageAndJournalsIt()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var (down, across) = (tenant.Workers()[0], tenant.Workers()[1]);
        await HoldTier3Async(fx, down);
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(across.UserPrincipalName, Tier2)).Outcome);
        await fx.AssignAsync(new AddTierAssignmentRequest { User = across.UserPrincipalName, Tier = Tier3, Days = 30 });
        tenant.Settle();
        var package = tenant.Store.AccessPackages.Single(p => p.DisplayName == Tier3);
        var from = tenant.Clock.UtcNow;

        var removal = await RemoveAsync(fx, new RemoveTierAccessPackageRequest { Tier = Tier3, Force = true });

        Assert.True(removal.Removed, removal.Detail);
        Assert.Equal((Tier3, Tier1, TierMoveOutcome.Moved), Outcome(removal, down));
        Assert.Equal((Tier3, Tier2, TierMoveOutcome.Moved), Outcome(removal, across));
        tenant.Settle();
        tenant.AssertOneTier(new[] { down, across }, u => u.Id == down.Id ? Tier1 : Tier2);
        tenant.AssertNoGapNoConflict(new[] { down, across }, from);
        Assert.DoesNotContain(tenant.Store.AccessPackages, p => p.Id == package.Id);
        Assert.DoesNotContain(tenant.Store.AssignmentPolicies, p => p.AccessPackageId == package.Id);
        Assert.DoesNotContain(tenant.Store.Entitlement.Resources, r => r.OriginId == tenant.Group(Tier3).Id);
        var journaled = await JournalAsync(fx, removal.CorrelationId);
        Assert.Equal(2, journaled.Count(c => c.Operation == "AccessPackage.RemoveAssignment"));
        Assert.Equal(new[] { "AccessPackage.DeletePolicy", "AccessPackage.RemoveResourceRole", "AccessPackage.Delete", "AccessPackage.RemoveCatalogResource" },
            journaled.Where(c => c.TargetType != "user" && c.Operation != "AccessPackage.RemoveAssignment" && !c.Operation.StartsWith("Group.", StringComparison.Ordinal)).Select(c => c.Operation));
        Assert.All(journaled, c => Assert.Equal(LicenseChangeStatus.Succeeded, c.Status));
    }

    [Fact]
    public async Task AWaitThatTimesOut_DeletesNothing_SaysSo_AndTheSameCommandAgainFinishesTheMoveAndTheRemoval()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var holder = tenant.Workers()[0];
        await HoldTier3Async(fx, holder);
        var from = tenant.Clock.UtcNow;
        var request = new RemoveTierAccessPackageRequest { Tier = Tier3, Force = true, WaitTimeoutSeconds = 0 };

        var sink = new CollectingSink();
        var stopped = await fx.Engine.ApplyRemoveTierAccessPackagePlanAsync(await fx.Engine.PlanRemoveTierAccessPackageAsync(request, new CollectingSink()), sink);

        Assert.False(stopped.Removed);
        Assert.Equal(ErrorIds.TierAccessPackageRemovalIncomplete, Assert.Single(sink.Errors).Id);
        var waiting = Assert.Single(stopped.Holders);
        Assert.Equal(TierMoveOutcome.Waiting, waiting.Outcome);
        Assert.Contains("Remove-TierAccessPackage -Force again", waiting.Remedy);
        Assert.Single(tenant.Store.AccessPackages, p => p.DisplayName == Tier3);
        // Entitlement management ends the assignment meanwhile; the direct copy keeps the user licensed.
        tenant.Settle();

        var removal = await RemoveAsync(fx, new RemoveTierAccessPackageRequest { Tier = Tier3, Force = true });

        Assert.True(removal.Removed, removal.Detail);
        // Tier3 is gone by now and the user holds its licence through the direct copy alone: from no tier, to the baseline.
        Assert.Equal(("", Tier1, TierMoveOutcome.Moved), Outcome(removal, holder));
        tenant.Settle();
        tenant.AssertOneTier(new[] { holder }, _ => Tier1);
        tenant.AssertNoGapNoConflict(new[] { holder }, from);
    }

    [Fact]
    public async Task AHolderOfTheBaselinesOwnPackage_RejoinsTheBaselineAsAMember_WithoutAGap()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var holder = tenant.Workers()[0];
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier1, ExpirationDays = 365 });
        await fx.AssignAsync(new AddTierAssignmentRequest { User = holder.UserPrincipalName, Tier = Tier1, Days = 30 });
        tenant.Settle();
        var from = tenant.Clock.UtcNow;

        var removal = await RemoveAsync(fx, new RemoveTierAccessPackageRequest { Tier = Tier1, Force = true });

        Assert.True(removal.Removed, removal.Detail);
        var move = Assert.Single(removal.Holders);
        Assert.Equal((Tier1, Tier1, TierMoveOutcome.Moved), (move.FromTier, move.ToTier, move.Outcome));
        Assert.Contains("joined " + Tier1, move.Steps);
        tenant.Settle();
        tenant.AssertOneTier(new[] { holder }, _ => Tier1);
        tenant.AssertNoGapNoConflict(new[] { holder }, from);
        Assert.DoesNotContain(tenant.Store.AccessPackages, p => p.DisplayName == Tier1);
    }

    [Fact]
    public async Task TheExceptionPackage_GoesAlone_AHolderKeepsTier3ThroughTheRegularOne_AndTheSharedCatalogResourceStays()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var holder = tenant.Workers()[0];
        await HoldTier3Async(fx, holder);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier3, Exception = true, Approver = new[] { "manager@" + tenant.DefaultDomain } });
        await fx.AssignAsync(new AddTierAssignmentRequest { User = holder.UserPrincipalName, Tier = Tier3 + " exception", Days = 10 });
        tenant.Settle();
        var from = tenant.Clock.UtcNow;

        var plan = await fx.Engine.PlanRemoveTierAccessPackageAsync(new RemoveTierAccessPackageRequest { Tier = Tier3, Exception = true, Force = true }, new CollectingSink());
        var removal = await fx.Engine.ApplyRemoveTierAccessPackagePlanAsync(plan, new CollectingSink());

        Assert.Equal(Tier3 + " exception", plan.PackageName);
        Assert.DoesNotContain(plan.Changes, c => c.ObjectType == "accessPackageResource");
        Assert.True(removal.Removed, removal.Detail);
        var move = Assert.Single(removal.Holders);
        Assert.Equal((Tier3, TierMoveOutcome.Moved), (move.ToTier, move.Outcome));
        Assert.Equal(new[] { "ended the assignment of " + Tier3 + " exception" }, move.Steps);
        tenant.Settle();
        tenant.AssertOneTier(new[] { holder }, _ => Tier3);
        tenant.AssertNoGapNoConflict(new[] { holder }, from);
        Assert.Equal(new[] { Tier2, Tier3 }, tenant.Store.AccessPackages.Select(p => p.DisplayName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains(tenant.Store.Entitlement.Resources, r => r.OriginId == tenant.Group(Tier3).Id);
    }

    /// <summary>The user moves from the baseline to Tier3 through its package, as Move-UserLicenseTier does.</summary>
    private static async Task HoldTier3Async(EngineFixture fx, SimulatedUser user)
    {
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(user.UserPrincipalName, Tier3)).Outcome);
        fx.Tenant.Settle();
    }

    private static async Task<TierAccessPackageRemoval> RemoveAsync(EngineFixture fx, RemoveTierAccessPackageRequest request)
    {
        var plan = await fx.Engine.PlanRemoveTierAccessPackageAsync(request, new CollectingSink());
        var sink = new CollectingSink();
        var removal = await fx.Engine.ApplyRemoveTierAccessPackagePlanAsync(plan, sink);
        Assert.Empty(sink.Errors);
        return removal;
    }

    private static (string From, string To, TierMoveOutcome Outcome) Outcome(TierAccessPackageRemoval removal, SimulatedUser user)
    {
        var move = Assert.Single(removal.Holders, h => h.UserId == user.Id);
        return (move.FromTier, move.ToTier, move.Outcome);
    }

    private static async Task<List<LicenseChange>> JournalAsync(EngineFixture fx, Guid correlationId)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetChangeLogAsync(new GetChangeLogRequest { CorrelationId = correlationId }, sink);
        return sink.Of<LicenseChange>().OrderBy(c => c.Sequence).ToList();
    }
}
