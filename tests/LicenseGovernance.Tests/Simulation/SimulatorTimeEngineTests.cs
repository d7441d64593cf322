using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Simulation;

/// <summary>Set-LicenseSimulatorTime's engine: plans without moving anything, moves forward only, runs what falls due and says what ran.</summary>
public sealed class SimulatorTimeEngineTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private Task<LicenseSimulatorTimePlan> PlanAsync(TimeSpan? advance = null, DateTimeOffset? to = null) =>
        _fx.Engine.PlanSimulatorTimeAsync(new SetSimulatorTimeRequest { Advance = advance, To = to }, new CollectingSink());

    [Fact]
    public async Task The_time_shows_the_clock_and_the_next_work_due()
    {
        var time = await _fx.Engine.GetSimulatorTimeAsync(new CollectingSink());

        Assert.Equal(_fx.Tenant.Clock.UtcNow, time.Time);
        Assert.False(time.FollowsRealTime);
        Assert.Equal(_fx.Tenant.Store.NextWorkDue, time.NextWorkDue);
    }

    [Fact]
    public async Task Planning_moves_nothing_and_applying_runs_deliveries_expiries_and_licensing_in_order()
    {
        var user = await _fx.AssignExpiringTier3Async("rehearsed", days: 2);
        var start = _fx.Tenant.Clock.UtcNow;

        var plan = await PlanAsync(advance: TimeSpan.FromDays(3));
        Assert.Equal((start, start.AddDays(3)), (plan.From, plan.To));
        Assert.Equal(start, _fx.Tenant.Clock.UtcNow);
        Assert.Contains("Move the clock from", ((IChangePlan)plan).Description);
        Assert.False(((IChangePlan)plan).IsNoChange);
        Assert.False(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));

        var moved = await _fx.Engine.ApplySimulatorTimePlanAsync(plan, new CollectingSink());

        Assert.Equal((start, start.AddDays(3), TimeSpan.FromDays(3)), (moved.From, moved.Time, moved.Advanced));
        Assert.Equal((1L, 1L, 0L), (moved.AccessPackageDeliveries, moved.AccessPackageExpiries, moved.AccessPackageRemovals));
        // Licensed once delivered, unlicensed once expired: one group licence step each.
        Assert.Equal(2, moved.LicenseProcessingSteps);
        Assert.False(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        Assert.Equal("expired", _fx.Tenant.Store.AccessPackageAssignments.Single(a => a.TargetId == user.Id).State);
        var events = _fx.Tenant.Store.LicenseTimeline.EventsFor(user.Id);
        Assert.Equal(new[] { true, false }, events.Select(e => e.Gained));
        Assert.True(events[1].At >= start.AddDays(2));
    }

    [Fact]
    public async Task The_clock_goes_to_an_instant_and_never_backwards()
    {
        var now = _fx.Tenant.Clock.UtcNow;
        var to = await PlanAsync(to: now.AddHours(5));
        Assert.Null(to.Advance);
        Assert.Equal(now.AddHours(5), (await _fx.Engine.ApplySimulatorTimePlanAsync(to, new CollectingSink())).Time);

        var back = await Assert.ThrowsAsync<LicenseGovernanceException>(() => PlanAsync(to: now));
        Assert.Equal(ErrorIds.SimulatorTimeBackwards, back.Error.Id);
        Assert.Contains("never runs backwards", back.Error.Message);
        var negative = await Assert.ThrowsAsync<LicenseGovernanceException>(() => PlanAsync(advance: TimeSpan.FromMinutes(-1)));
        Assert.Equal(ErrorIds.SimulatorTimeBackwards, negative.Error.Id);
        Assert.Equal(ErrorIds.SimulatorTimeTargetMissing, (await Assert.ThrowsAsync<LicenseGovernanceException>(() => PlanAsync())).Error.Id);
        Assert.Equal(ErrorIds.SimulatorTimeTargetMissing, (await Assert.ThrowsAsync<LicenseGovernanceException>(() => PlanAsync(TimeSpan.FromHours(1), now.AddDays(1)))).Error.Id);

        // An instant planned, then overtaken before it is applied: refused, not rewound.
        var stale = await PlanAsync(to: now.AddHours(6));
        _fx.Tenant.Clock.Advance(TimeSpan.FromHours(2));
        var overtaken = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.ApplySimulatorTimePlanAsync(stale, new CollectingSink()));
        Assert.Equal(ErrorIds.SimulatorTimeBackwards, overtaken.Error.Id);
        Assert.Equal(now.AddHours(7), _fx.Tenant.Clock.UtcNow);
    }

    [Fact]
    public async Task A_zero_move_changes_nothing_and_the_session_still_works_after_months()
    {
        Assert.True(((IChangePlan)await PlanAsync(advance: TimeSpan.Zero)).IsNoChange);

        await _fx.Engine.ApplySimulatorTimePlanAsync(await PlanAsync(advance: TimeSpan.FromDays(90)), new CollectingSink());

        // Tokens are issued on the simulated clock, so reads after a long move still authenticate.
        var sink = new CollectingSink();
        await _fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);
        Assert.Empty(sink.Errors);
        Assert.NotEmpty(sink.Of<LicenseSku>());
    }
}
