using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using Xunit.Abstractions;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// The reconciler at a thousand users a side, through throttling, outages and a run killed halfway; again with a tenth of
/// the upgrades' deliveries stalled for good, whose users wait in the tier they hold.
/// </summary>
public sealed class TierReconcilerScaleTests
{
    private readonly ITestOutputHelper _output;

    public TierReconcilerScaleTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public async Task AThousandUpgradedAndAThousandExpiring_Through429And503AndAKill_NoGapOneTierNoWriteTwice(double stall)
    {
        using var fx = await TiersAsync(users: 2000, new SimulatorOptions { AccessPackageStalledDeliveryRetry = null });
        var tenant = fx.Tenant;
        var workers = tenant.Workers();
        var expiring = workers.Take(1000).ToList();
        var upgradedFromBaseline = workers.Skip(1000).Take(500).ToList();
        var upgradedFromTier2 = workers.Skip(1500).ToList();
        var expiry = tenant.Clock.UtcNow.AddDays(30);
        foreach (var user in expiring)
        {
            tenant.Store.RemoveMember(tenant.Group(Tier1).Id, user.Id);
            tenant.AdminAdd(user.Id, Tier3, expiry);
        }

        foreach (var user in upgradedFromTier2)
        {
            tenant.Store.RemoveMember(tenant.Group(Tier1).Id, user.Id);
            tenant.AdminAdd(user.Id, Tier2, expiry.AddDays(300));
        }

        tenant.Settle();
        // My Access upgrades: each user lands in Tier3 beside the tier they held; from the F1 baseline, E5 fails beside F1.
        tenant.StallDeliveries(stall);
        foreach (var user in upgradedFromBaseline.Concat(upgradedFromTier2))
        {
            tenant.AdminAdd(user.Id, Tier3, expiry.AddDays(180));
        }

        tenant.Settle();
        var stalled = tenant.Stalled();
        Assert.Equal(stall > 0, stalled.Count > 0);
        _output.WriteLine($"{stalled.Count} of the 1,000 upgrades' deliveries stalled for good.");
        tenant.Clock.Set(expiry.AddHours(-1));
        var from = tenant.Clock.UtcNow;
        tenant.Faults.Add(FaultRule.ResponseLost().ForMethod("DELETE").ForPath("^/groups/[^/]+/members/[^/]+/\\$ref$").After(250).Times(1));
        // A tenth of the writes meet 429 or 503, a twentieth of the reads 429 (Kiota retries reads in real time, so reads see no 503 here).
        tenant.Faults.Add(FaultRule.TooManyRequests(TimeSpan.Zero).WithProbability(0.05));
        foreach (var method in new[] { "POST", "PATCH", "DELETE" })
        {
            tenant.Faults.Add(FaultRule.ServiceUnavailable(TimeSpan.FromSeconds(1)).ForMethod(method).WithProbability(0.05));
        }

        var killed = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.SyncAsync());
        Assert.Equal(ErrorIds.GraphUnreachable, killed.Error.Id);
        Assert.InRange(upgradedFromBaseline.Count(u => !tenant.Group(Tier1).MemberSet.Contains(u.Id)), 200, 300);

        var restarted = new GovernanceEngine(new EngineOptions { SettingsDirectory = fx.SettingsDirectory, JournalPath = Path.Combine(fx.SettingsDirectory, "journal.jsonl") });
        restarted.ConnectSimulator(tenant);
        var second = new CollectingSink();
        await restarted.SyncLicenseTiersAsync(new SyncLicenseTierRequest(), second);

        Assert.Empty(second.Errors);
        var results = second.Of<TierMoveResult>().ToList();
        Assert.Equal(1000 - stalled.Count, results.Count(r => r.Outcome == TierMoveOutcome.Moved && r.ToTier == Tier3));
        Assert.Equal(stalled.Order(), results.Where(r => r.Outcome == TierMoveOutcome.Waiting).Select(r => r.UserId).Order());
        Assert.DoesNotContain(results, r => r.Outcome != TierMoveOutcome.Moved && r.Outcome != TierMoveOutcome.Bridged && r.Outcome != TierMoveOutcome.Waiting);
        // The killed run bridged the expiring users before anyone left a tier; the restart finds them bridged already.
        var e5 = tenant.Sku("SPE_E5");
        Assert.All(expiring, u => Assert.Contains(tenant.Store.GetUser(u.Id).LicenseAssignmentStates, s => s.SkuId == e5 && s.AssignedByGroup == null));
        Assert.True(tenant.Statistics.Throttled > 0);
        tenant.Faults.Clear();
        tenant.Clock.Set(expiry.AddHours(1));
        tenant.Settle();
        var third = new CollectingSink();
        await restarted.SyncLicenseTiersAsync(new SyncLicenseTierRequest(), third);
        Assert.Equal(1000, third.Of<TierMoveResult>().Count(r => r.Outcome == TierMoveOutcome.Moved && r.ToTier == Tier1));
        tenant.Settle();

        tenant.AssertOneTier(workers, u => expiring.Exists(e => e.Id == u.Id) ? Tier1 : !stalled.Contains(u.Id) ? Tier3 : upgradedFromTier2.Exists(x => x.Id == u.Id) ? Tier2 : Tier1);
        tenant.AssertNoGapNoConflict(workers, from);
        AssertNoWriteTwice(fx);
    }

    /// <summary>Every write the journal holds (including the one whose answer was lost) was made once: no two entries bring the same target to the same state.</summary>
    private static void AssertNoWriteTwice(EngineFixture fx)
    {
        var entries = new JournalFile(Path.Combine(fx.SettingsDirectory, "journal.jsonl")).Load(out _);
        // One user never reaches the same state twice through one kind of write: a write repeated after the restart would.
        var twice = entries.GroupBy(e => (e.TargetId, e.Operation, After: e.After?.GetRawText())).Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} write(s) were made twice, first {twice.FirstOrDefault()?.Key}.");
        Assert.Equal(0, fx.Tenant.Statistics.ServedWith("POST /users/{id}/assignLicense", 400));
        Assert.Equal(0, fx.Tenant.Statistics.ServedWith("POST /identityGovernance/entitlementManagement/assignmentRequests", 400));
    }
}
