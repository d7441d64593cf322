using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Waste;

/// <summary>
/// Remove-ZombieLicense at scale (issue 13, item 9): users read fifteen to a request, writes twenty to a $batch through the
/// session's pacer, within Graph's write quota, every change journaled and undone by Undo-LicenseChange.
/// </summary>
public sealed class ZombieRemovalScaleTests
{
    /// <summary>Document 001's tenant of 800 users: 312 zombie licences, a third of them direct, the rest from LIC-M365-E5.</summary>
    private static SimulatedTenant Tenant(int writesPer150Seconds = 3000) =>
        ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 800, Seed = 3 }, new SimulatorOptions { Throttling = new ThrottlingOptions { WritesPer150Seconds = writesPer150Seconds } });

    [Fact]
    public async Task UsersAreReadFifteenToARequestAndWritesGoTwentyToABatch_OneAssignLicensePerUser()
    {
        var tenant = Tenant();
        using var fx = new EngineFixture(tenant: tenant);
        // A few direct zombies hold Visio directly too: both go in the user's one assignLicense.
        var visio = tenant.Store.AddSku("VISIOCLIENT", 10).SkuId;
        var e5 = tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        var now = tenant.Clock.UtcNow;
        foreach (var user in tenant.Store.Users.Where(u => WasteSteps.IsZombie(u, now) && u.LicenseAssignmentStates.Any(s => s.SkuId == e5 && s.AssignedByGroup == null)).Take(5))
        {
            tenant.Store.AssignLicense(user.Id, visio);
        }

        var zombies = (await fx.ZombiesAsync()).Zombies;
        var layout = Layout(tenant, zombies);
        var directUsers = zombies.Where(z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Direct)).Select(z => z.UserId).Distinct().Count();
        var fromGroup = zombies.Count(z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Group));
        Assert.Equal((317, 5), (zombies.Count, zombies.Count(z => z.SkuId == visio)));
        tenant.Statistics.Reset();

        var (results, summary, sink) = await fx.RemoveAsync(zombies);

        Assert.Empty(sink.Errors);
        Assert.All(results, r => Assert.Equal(ZombieRemovalOutcome.Removed, r.Outcome));
        Assert.Equal(zombies.Count, summary.Removed);
        var stats = tenant.Statistics;
        Assert.Equal(0, stats.CountFor("GET /users/{id}"));
        Assert.Equal(directUsers, stats.CountFor("POST /users/{id}/assignLicense"));
        Assert.Equal(fromGroup, stats.CountFor("DELETE /groups/{id}/members/{id}/$ref"));
        var users = zombies.Select(z => z.UserId).Distinct().Count();
        var chunks = (int)Math.Ceiling(zombies.Count / 60.0);
        Assert.InRange(stats.CountFor("GET /users"), (int)Math.Ceiling(users / 15.0), (int)Math.Ceiling(users / 15.0) + chunks);
        Assert.InRange(stats.CountFor("POST /$batch"), (int)Math.Ceiling((directUsers + fromGroup) / 20.0), (int)Math.Ceiling((directUsers + fromGroup) / 20.0) + (2 * chunks));
        // Every request counted (each $batch item too): one write per licence, and a few reads shared by all.
        Assert.True(stats.TotalRequests <= 1.25 * zombies.Count, $"{stats.TotalRequests} requests for {zombies.Count} licences");
        Assert.True(stats.HttpRequests <= 0.2 * zombies.Count, $"{stats.HttpRequests} HTTP requests for {zombies.Count} licences");

        var journal = new JournalFile(fx.Engine.JournalPath).Load(out _).Where(e => e.CorrelationId == summary.CorrelationId).ToList();
        Assert.Equal(directUsers + fromGroup, journal.Count);
        Assert.All(journal, e => Assert.Equal(LicenseChangeStatus.Succeeded, e.Status));
        await UndoAndCheckAsync(fx, summary, layout);
    }

    [Fact]
    public async Task UnderASmallWriteQuotaWith429sAnd503s_EveryLicenceGoesNoneFailsAndTheQuotaIsNeverOverrun()
    {
        // 312 writes against a quota of 200 per 150 s: the run must wait for the quota to refill.
        var tenant = Tenant(writesPer150Seconds: 200);
        using var fx = new EngineFixture(tenant: tenant);
        var zombies = (await fx.ZombiesAsync()).Zombies;
        var layout = Layout(tenant, zombies);
        tenant.Statistics.Reset();
        var injected = tenant.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(2)).WithProbability(0.05));
        foreach (var method in new[] { "POST", "DELETE" })
        {
            tenant.Faults.Add(FaultRule.ServiceUnavailable(TimeSpan.FromSeconds(1)).ForMethod(method).WithProbability(0.05));
        }

        var started = tenant.Clock.UtcNow;
        var (results, summary, sink) = await fx.RemoveAsync(zombies);

        Assert.Empty(sink.Errors);
        Assert.Equal((zombies.Count, 0), (summary.Removed, summary.Failed));
        Assert.All(results, r => Assert.Equal(ZombieRemovalOutcome.Removed, r.Outcome));
        Assert.True(injected.Fired > 0);
        // The pacer waited for the refill instead of running into the quota: every 429 was one the test injected.
        Assert.Equal(injected.Fired, tenant.Statistics.Throttled);
        Assert.True(tenant.Clock.UtcNow - started >= TimeSpan.FromSeconds((zombies.Count - 200) / (200 / 150.0)), "the quota should have bound the run");
        Assert.True(tenant.Statistics.HttpRequests <= 0.3 * zombies.Count, $"{tenant.Statistics.HttpRequests} HTTP requests for {zombies.Count} licences");

        tenant.Faults.Clear();
        await UndoAndCheckAsync(fx, summary, layout);
    }

    [Fact]
    public async Task CtrlCStopsBetweenChunks_NoWriteIsLeftUnknown_AndTheNextRunFinishes()
    {
        var tenant = Tenant();
        using var fx = new EngineFixture(tenant: tenant);
        var zombies = (await fx.ZombiesAsync()).Zombies;
        using var stop = new CancellationTokenSource();
        var sink = new CollectingSink(stop.Token) { OnObject = o => stop.Cancel() };

        var stopped = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            fx.Engine.RemoveZombieLicensesAsync(new RemoveZombieLicenseRequest { Licenses = zombies.ToArray(), IncludeMailboxLicenses = true }, sink));

        Assert.Equal(ErrorIds.OperationCancelled, stopped.Error.Id);
        // The chunk under way was finished and reported; nothing after it started.
        var reported = sink.Of<ZombieLicenseRemoval>().ToList();
        Assert.Equal(60, reported.Count);
        Assert.All(reported, r => Assert.Equal(ZombieRemovalOutcome.Removed, r.Outcome));
        var journal = new JournalFile(fx.Engine.JournalPath).Load(out _);
        Assert.DoesNotContain(journal, e => e.Status == LicenseChangeStatus.Unknown);
        Assert.Equal(60, zombies.Count(z => !WasteSteps.HoldsSeat(tenant.Store.GetUser(z.UserId), z.SkuId) || IsLeaving(tenant, z)));

        var (_, second, again) = await fx.RemoveAsync(zombies);
        Assert.Empty(again.Errors);
        Assert.Equal((zombies.Count - 60, 60, 0), (second.Removed, second.Skipped, second.Failed));
    }

    private static bool IsLeaving(SimulatedTenant tenant, ZombieLicense zombie) =>
        zombie.Sources.All(s => s.GroupId.HasValue && !tenant.Store.Groups.Single(g => g.Id == s.GroupId).Members.Contains(zombie.UserId));

    /// <summary>How each zombie holds its licence: directly or not, and the groups it is in.</summary>
    private static Dictionary<(Guid User, Guid Sku), (bool Direct, List<Guid> Groups)> Layout(SimulatedTenant tenant, IEnumerable<ZombieLicense> zombies) =>
        zombies.ToDictionary(z => (z.UserId, z.SkuId), z =>
        {
            var user = tenant.Store.GetUser(z.UserId);
            return (user.LicenseAssignmentStates.Any(s => s.SkuId == z.SkuId && s.AssignedByGroup == null), user.MemberOf.OrderBy(g => g).ToList());
        });

    private static async Task UndoAndCheckAsync(EngineFixture fx, ZombieLicenseRemovalSummary summary, Dictionary<(Guid User, Guid Sku), (bool Direct, List<Guid> Groups)> layout)
    {
        var undo = new CollectingSink();
        await fx.Engine.UndoChangesAsync(new UndoChangeRequest { CorrelationId = summary.CorrelationId }, undo);
        Assert.Empty(undo.Errors);
        fx.Tenant.Settle();
        foreach (var ((userId, skuId), before) in layout)
        {
            var user = fx.Tenant.Store.GetUser(userId);
            Assert.True(WasteSteps.HoldsSeat(user, skuId), user.UserPrincipalName);
            Assert.Equal(before.Direct, user.LicenseAssignmentStates.Any(s => s.SkuId == skuId && s.AssignedByGroup == null));
            Assert.Equal(before.Groups, user.MemberOf.OrderBy(g => g).ToList());
        }
    }
}
