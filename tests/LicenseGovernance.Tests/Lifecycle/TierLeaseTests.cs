using LicenseGovernance.Engine;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>The lease on the baseline group: two runs at once do no double work; a dead run's lease expires; -Force takes one over.</summary>
public sealed class TierLeaseTests
{
    private const string Lease = "com.licensegovernance.syncLease";

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public async Task TwoRunsStartedAtOnce_MoveEachUserOnce(double stall)
    {
        using var fx = await TiersAsync(users: 200, new SimulatorOptions { AccessPackageStalledDeliveryRetry = null });
        var tenant = fx.Tenant;
        tenant.StallDeliveries(stall);
        var upgraded = tenant.Workers().Take(100).ToList();
        foreach (var user in upgraded)
        {
            tenant.AdminAdd(user.Id, Tier3, tenant.Clock.UtcNow.AddDays(90));
        }

        tenant.Settle();
        // A delivery stalled for good leaves its user waiting in the baseline, reported by both runs and moved by neither.
        var stalled = tenant.Stalled();
        var moving = 100 - stalled.Count;
        Assert.Equal(stall > 0, stalled.Count > 0);
        var from = tenant.Clock.UtcNow;
        var other = new GovernanceEngine(new EngineOptions { SettingsDirectory = fx.SettingsDirectory, JournalPath = Path.Combine(fx.SettingsDirectory, "other.jsonl") });
        other.ConnectSimulator(tenant);
        // Both runs have read and planned every move before either asks to go ahead: only the lease keeps them apart.
        using var planned = new Barrier(2);
        var first = BothPlanned(planned);
        var second = BothPlanned(planned);

        await Task.WhenAll(Task.Run(() => fx.Engine.SyncLicenseTiersAsync(new SyncLicenseTierRequest(), first)), Task.Run(() => other.SyncLicenseTiersAsync(new SyncLicenseTierRequest(), second)));

        // Each upgraded user left the baseline once and had one bridge, one swap and one removal: no write twice.
        Assert.Equal(moving, tenant.Statistics.CountFor("DELETE /groups/{id}/members/{id}/$ref"));
        Assert.Equal(3 * moving, tenant.Statistics.CountFor("POST /users/{id}/assignLicense"));
        Assert.Equal(moving, tenant.Statistics.CountFor("POST /users/{id}/reprocessLicenseAssignment"));
        var results = first.Of<TierMoveResult>().Concat(second.Of<TierMoveResult>()).ToList();
        var moved = results.Where(r => r.Outcome == TierMoveOutcome.Moved).ToList();
        Assert.Equal(moving, moved.Count);
        Assert.Equal(moving, moved.Select(r => r.UserId).Distinct().Count());
        Assert.All(results.Where(r => r.Outcome == TierMoveOutcome.Waiting), r => Assert.Contains(r.UserId, stalled));
        Assert.Contains(first.Warnings.Concat(second.Warnings), w => w.Contains("holds the tier lease"));
        Assert.Null(tenant.Store.FindGroupExtension(tenant.Group(Tier1).Id, Lease));
        tenant.Settle();
        tenant.AssertOneTier(tenant.Workers(), u => upgraded.Exists(x => x.Id == u.Id) && !stalled.Contains(u.Id) ? Tier3 : Tier1);
        tenant.AssertNoGapNoConflict(tenant.Workers(), from);
    }

    [Fact]
    public async Task ALiveLeaseOfAnotherRun_IsReportedAndNothingChanges_ForceTakesItOver()
    {
        using var fx = await TiersAsync(users: 5);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        tenant.AdminAdd(user.Id, Tier2, tenant.Clock.UtcNow.AddDays(90));
        tenant.Settle();
        Hold(tenant, "runbook job 7", tenant.Clock.UtcNow.AddMinutes(4));
        tenant.Statistics.Reset();

        var held = await fx.SyncAsync(new SyncLicenseTierRequest { Summary = true });

        var summary = Assert.Single(held.Of<TierSyncSummary>());
        Assert.Equal("runbook job 7", summary.LeaseHolder);
        Assert.Equal(0, summary.Writes);
        Assert.Contains(held.Warnings, w => w.Contains("runbook job 7") && w.Contains("-Force"));
        Assert.Equal(0, tenant.Statistics.Writes);

        var forced = await fx.SyncAsync(new SyncLicenseTierRequest { Force = true });
        Assert.Equal(TierMoveOutcome.Moved, forced.Result(user.Id).Outcome);
        Assert.Null(tenant.Store.FindGroupExtension(tenant.Group(Tier1).Id, Lease));
    }

    [Fact]
    public async Task TheLeaseOfARunThatDied_ExpiresAndIsTakenOver()
    {
        using var fx = await TiersAsync(users: 5);
        var tenant = fx.Tenant;
        var user = tenant.Workers()[0];
        tenant.AdminAdd(user.Id, Tier2, tenant.Clock.UtcNow.AddDays(90));
        tenant.Settle();
        Hold(tenant, "a job that died", tenant.Clock.UtcNow.AddMinutes(-1));

        var sink = await fx.SyncAsync();

        Assert.Equal(TierMoveOutcome.Moved, sink.Result(user.Id).Outcome);
        Assert.DoesNotContain(sink.Warnings, w => w.Contains("lease"));
    }

    [Fact]
    public async Task MoveUserLicenseTier_RefusesWhileARunHoldsTheLease()
    {
        using var fx = await TiersAsync(users: 5);
        Hold(fx.Tenant, "Sync-LicenseTier on worker 2", fx.Tenant.Clock.UtcNow.AddMinutes(4));
        var plan = await fx.Engine.PlanUserTierMoveAsync(new MoveUserLicenseTierRequest { User = fx.Tenant.Workers()[0].UserPrincipalName, Tier = Tier3 }, new CollectingSink());

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.ApplyUserTierMovePlanAsync(plan, new CollectingSink()));

        Assert.Equal(ErrorIds.TierLeaseHeld, refused.Error.Id);
        Assert.Empty(fx.Tenant.Store.AccessPackageAssignments);
    }

    /// <summary>A sink whose first question waits until the other run has planned too.</summary>
    private static CollectingSink BothPlanned(Barrier planned)
    {
        var asked = 0;
        return new CollectingSink
        {
            Decide = (_, _) =>
            {
                if (Interlocked.Increment(ref asked) == 1)
                {
                    Assert.True(planned.SignalAndWait(TimeSpan.FromSeconds(60)), "The other run never planned.");
                }

                return true;
            },
        };
    }

    private static void Hold(LicenseGovernance.Simulator.SimulatedTenant tenant, string owner, DateTimeOffset until) =>
        tenant.Store.AddGroupExtension(tenant.Group(Tier1).Id, Lease, new Dictionary<string, object?>
        {
            ["owner"] = owner,
            ["acquiredAt"] = until.AddMinutes(-5).ToString("o"),
            ["expiresAt"] = until.ToString("o"),
        });
}
