using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>What the reconciler decides for one user at a time: -WhatIf, a late run's gap, delivery not yet done, dynamic tiers, bad input.</summary>
public sealed class TierReconcilerTests
{
    [Fact]
    public async Task WhatIf_ListsEveryMoveWithItsSteps_AndWritesNothing()
    {
        using var fx = await TiersAsync(users: 4);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        tenant.AdminAdd(user.Id, Tier3, tenant.Clock.UtcNow.AddDays(30));
        tenant.Settle();
        tenant.Statistics.Reset();
        var sink = new CollectingSink { Decide = (_, _) => false };

        await fx.SyncAsync(sink: sink);

        var planned = sink.Result(user.Id);
        Assert.Equal(TierMoveOutcome.Planned, planned.Outcome);
        Assert.Equal(new[] { "bridge", "leave", "wait", "swap", "join", "wait", "remove" }, planned.Steps.Select(s => s.Split(' ', ':')[0]));
        var question = Assert.Single(sink.ShouldProcessQuestions);
        Assert.Equal(user.UserPrincipalName, question.Target);
        Assert.Contains("swap in one assignLicense: add SPE_E5 directly, remove the direct SPE_F1", question.Action);
        Assert.Equal(0, tenant.Statistics.Writes);
    }

    [Fact]
    public async Task AReconcilerThatCameTooLate_JoinsTheBaselineAtOnce_AndSaysHowLongTheUserWasWithout()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        var end = tenant.Clock.UtcNow.AddDays(10);
        tenant.Store.RemoveMember(tenant.Group(Tier1).Id, user.Id);
        tenant.AdminAdd(user.Id, Tier3, end);
        tenant.Settle();
        tenant.Clock.Set(end.AddHours(5));
        tenant.Settle();

        // Entra's removal at the end takes the tenant's removal delay; the user is without from then on.
        var without = (tenant.Clock.UtcNow - end - tenant.Store.Options.AccessPackageRemovalDelay).TotalSeconds;

        var late = (await fx.SyncAsync()).Result(user.Id);

        Assert.Equal(TierMoveOutcome.Moved, late.Outcome);
        Assert.Equal(Tier1, late.ToTier);
        Assert.False(late.GapAvoided);
        Assert.InRange(without, 7 * 3600 - 300, 7 * 3600);
        Assert.InRange(late.GapSeconds!.Value, without, without + 60);
        tenant.Settle();
        tenant.AssertOneTier(new[] { user }, _ => Tier1);
    }

    [Fact]
    public async Task AnAssignmentStillBeingDelivered_IsNotAnEntitlementYet_TheUserWaitsUntouched()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        // A delivery that stalls: the assignment reads delivering, and the membership does not come.
        var assignment = tenant.Request(user.Id, Tier3, tenant.Clock.UtcNow.AddDays(30));
        tenant.Store.StallAccessPackageDelivery(assignment.Id);
        tenant.Settle();
        tenant.Statistics.Reset();

        var waiting = (await fx.SyncAsync()).Result(user.Id);

        Assert.Equal(TierMoveOutcome.Waiting, waiting.Outcome);
        Assert.Contains("still being delivered", waiting.Detail);
        Assert.Equal(0, tenant.Statistics.Writes);
        tenant.AssertOneTier(new[] { user }, _ => Tier1);
    }

    [Fact]
    public async Task AnUngovernedMembershipOfAHigherTier_IsKept_AndTheBaselineLeftInTheSafeOrder()
    {
        using var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        // Added by hand beside the F1 baseline, so E3 is in MutuallyExclusiveViolation until the reconciler moves the user.
        tenant.Store.AddMember(tenant.Group(Tier2).Id, user.Id);
        tenant.Settle();
        var from = tenant.Clock.UtcNow;

        var moved = (await fx.SyncAsync()).Result(user.Id);

        Assert.Equal(TierMoveOutcome.Moved, moved.Outcome);
        Assert.Contains("no access package assignment governs", moved.Detail + moved.StepSummary + string.Join(" ", moved.Steps), StringComparison.Ordinal);
        tenant.AssertSettledIn(user, Tier2, from);
    }

    [Fact]
    public async Task NamedUsersAreTheOnlyOnesMoved_AndAnUnknownNameIsAnErrorForThatName()
    {
        using var fx = await TiersAsync(users: 4);
        var tenant = fx.Tenant;
        var (named, other) = (tenant.Workers()[0], tenant.Workers()[1]);
        tenant.AdminAdd(named.Id, Tier2, tenant.Clock.UtcNow.AddDays(30));
        tenant.AdminAdd(other.Id, Tier2, tenant.Clock.UtcNow.AddDays(30));
        tenant.Settle();

        var sink = await fx.SyncAsync(new SyncLicenseTierRequest { User = new[] { named.UserPrincipalName, "nobody@contoso.onmicrosoft.com" } });

        Assert.Equal(TierMoveOutcome.Moved, sink.Result(named.Id).Outcome);
        Assert.DoesNotContain(sink.Of<TierMoveResult>(), r => r.UserId == other.Id);
        Assert.Equal(ErrorIds.UserNotFound, Assert.Single(sink.Errors).Id);
    }

    [Fact]
    public async Task CtrlC_StopsBetweenPhases_EveryUserKeepsALicence_AndTheNextRunFinishes()
    {
        using var fx = await TiersAsync(users: 40);
        var tenant = fx.Tenant;
        var upgraded = tenant.Workers().Take(30).ToList();
        foreach (var user in upgraded)
        {
            tenant.AdminAdd(user.Id, Tier3, tenant.Clock.UtcNow.AddDays(30));
        }

        tenant.Settle();
        var from = tenant.Clock.UtcNow;
        using var stop = new CancellationTokenSource();
        var sink = new StopAt("Swapping", stop);

        var stopped = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.SyncLicenseTiersAsync(new SyncLicenseTierRequest(), sink));

        Assert.Equal(ErrorIds.OperationCancelled, stopped.Error.Id);
        Assert.Contains("run Sync-LicenseTier again", stopped.Error.Message);
        Assert.Null(tenant.Store.FindGroupExtension(tenant.Group(Tier1).Id, "com.licensegovernance.syncLease"));
        Assert.Equal(30, (await fx.SyncAsync()).Of<TierMoveResult>().Count(r => r.Outcome == TierMoveOutcome.Moved));
        tenant.Settle();
        tenant.AssertOneTier(tenant.Workers(), u => upgraded.Exists(x => x.Id == u.Id) ? Tier3 : Tier1);
        tenant.AssertNoGapNoConflict(tenant.Workers(), from);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(32 * 24)]
    public async Task ALookAheadOutOfRange_IsRefusedBeforeAnythingIsRead(int hours)
    {
        using var fx = await TiersAsync(users: 1);
        fx.Tenant.Statistics.Reset();

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.SyncAsync(new SyncLicenseTierRequest { LookAhead = TimeSpan.FromHours(hours) }));

        Assert.Equal(ErrorIds.LookAheadInvalid, refused.Error.Id);
        Assert.Equal(0, fx.Tenant.Statistics.TotalRequests);
    }

    [Fact]
    public async Task ATenantWithoutTiers_IsToldToCreateThem()
    {
        using var fx = new LicenseGovernance.Tests.Engine.EngineFixture(tenant: LicenseGovernance.Simulator.SimulatedTenant.CreateEmpty(Start));

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.SyncAsync());

        Assert.Equal(ErrorIds.NoTierSystem, refused.Error.Id);
        Assert.Contains("New-LicenseTierGroup", refused.Error.Message);
    }

    /// <summary>Presses Ctrl+C when the run reports the phase named.</summary>
    private sealed class StopAt : IGovernanceSink
    {
        private readonly CollectingSink _inner;
        private readonly string _phase;
        private readonly CancellationTokenSource _stop;

        public StopAt(string phase, CancellationTokenSource stop)
        {
            _phase = phase;
            _stop = stop;
            _inner = new CollectingSink(stop.Token);
        }

        public string? CommandName => null;

        public CancellationToken Cancellation => _inner.Cancellation;

        public void WriteProgress(GovernanceProgress progress)
        {
            if (progress.Status.StartsWith(_phase, StringComparison.Ordinal))
            {
                _stop.Cancel();
            }
        }

        public void WriteObject(object item) => _inner.WriteObject(item);

        public void WriteError(GovernanceError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public bool ShouldProcess(string target, string action) => true;
    }
}
