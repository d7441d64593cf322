using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;

namespace LicenseGovernance.Tests.Kernel;

/// <summary>The one licensing watcher every capability waits through, on a small simulated tenant.</summary>
public sealed class GroupLicensingWatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AUserWithoutAStateFromTheGroupIsPending_AndActiveOnlyOnceGraphShowsTheLicenseActive()
    {
        var t = new WatchedTenant(members: 0);
        var user = t.NewMember("new.starter");

        var early = await t.WatchAsync(new[] { user }, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(LicenseWatchOutcome.Pending, Assert.Single(early.Results).Outcome);
        Assert.Empty(early.Results[0].States);
        Assert.True(early.TimedOut);

        string? heldWhenDone = null;
        var later = await t.WatchAsync(new[] { user }, onDone: () => heldWhenDone = t.StateOf(user));
        Assert.Equal(LicenseWatchOutcome.Active, Assert.Single(later.Results).Outcome);
        Assert.Equal("Active", heldWhenDone);
        Assert.Equal(t.Sku.SkuId, later.Results[0].StateOf(t.Sku.SkuId)!.SkuId);
    }

    [Fact]
    public async Task AnActiveLicenseWithOtherPlansIsNotActive_AndTheWatchEndsOnceTheGroupHasSettled()
    {
        var t = new WatchedTenant(members: 1);
        var plan = t.Sku.ServicePlans[0].ServicePlanId;
        var expecting = new LicenseExpectation(t.Members[0].Id.ToString(), t.Group.Id.ToString(), new[] { new ExpectedLicense(t.Sku.SkuId, new[] { plan }) });

        var report = await t.WatchAsync(new[] { expecting }, TimeSpan.FromHours(1));

        var result = Assert.Single(report.Results);
        Assert.Equal(LicenseWatchOutcome.Pending, result.Outcome);
        Assert.Equal("Active", Assert.Single(result.States).State);
        Assert.False(report.TimedOut);
        Assert.InRange(t.Tenant.Clock.UtcNow - t.Started, LicenseWatchTimings.Default.SettleTime, LicenseWatchTimings.Default.SettleTime + LicenseWatchTimings.Default.LongestPoll);
    }

    [Fact]
    public async Task AnErrorIsReportedWithItsType_OnceEntraHasAnsweredTheChange_NotWhileItIsTheOldOne()
    {
        var t = new WatchedTenant(members: 0, seats: 0);
        var user = t.NewMember("no.seat");
        t.Tenant.Store.ProcessPendingNow();
        t.Tenant.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Error", t.StateOf(user));

        var old = await t.WatchAsync(new[] { user }, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(LicenseWatchOutcome.Pending, Assert.Single(old.Results).Outcome);

        t.Tenant.Store.ReprocessLicenseAssignment(user.Id);
        var answered = await t.WatchAsync(new[] { user });
        var result = Assert.Single(answered.Results);
        Assert.Equal(LicenseWatchOutcome.Error, result.Outcome);
        Assert.Equal("CountViolation", result.ErrorType);
    }

    /// <summary>A few users cost fewer requests by id (15 to a request), many fewer through the member pages (999 to a page).</summary>
    [Theory]
    [InlineData(100, 20, 2, 0)]
    [InlineData(1000, 1000, 0, 2)]
    public async Task ARoundReadsTheGroupThenAFewUsersByIdOrManyThroughTheMemberPages(int members, int watched, int byId, int pages)
    {
        var t = new WatchedTenant(members);

        var report = await t.WatchAsync(t.Members.Take(watched).ToArray());

        Assert.Equal(watched, report.Count(LicenseWatchOutcome.Active));
        Assert.Equal(1, t.Tenant.Statistics.CountFor("GET /groups/{id}"));
        Assert.Equal(byId, t.Tenant.Statistics.CountFor("GET /users"));
        Assert.Equal(pages, t.Tenant.Statistics.CountFor("GET /groups/{id}/members/microsoft.graph.user"));
        Assert.Equal(1 + byId + pages, t.Tenant.Statistics.HttpRequests);
    }

    [Fact]
    public async Task TheTimeoutStopsARoundBetweenPages_SoTheWatchEndsWithinOneRequestOfIt()
    {
        var t = new WatchedTenant(members: 2500, processingDelay: TimeSpan.FromHours(1));
        t.Tenant.Store.ReprocessLicenseAssignment(t.Members[0].Id);
        var otherPlans = new[] { new ExpectedLicense(t.Sku.SkuId, new[] { t.Sku.ServicePlans[0].ServicePlanId }) };
        // Each request takes a second of the tenant's time, so a round (the group and three member pages) takes four: the
        // rounds run 0-4 s and 6-10 s, and the third, started with one second left, must stop after its first page.
        t.Tenant.Options.ClockTimePerRequest = TimeSpan.FromSeconds(1);

        var report = await t.WatchAsync(t.Members.Select(u => new LicenseExpectation(u.Id.ToString(), t.Group.Id.ToString(), otherPlans)).ToList(), TimeSpan.FromSeconds(11));

        Assert.True(report.TimedOut);
        Assert.All(report.Results, r => Assert.Equal(LicenseWatchOutcome.Pending, r.Outcome));
        var overrun = t.Tenant.Clock.UtcNow - t.Started - TimeSpan.FromSeconds(11);
        Assert.True(overrun <= TimeSpan.FromSeconds(1), $"The watch ended {overrun.TotalSeconds:0} s after its timeout.");
        // Two whole rounds of four requests, then the group and one page of the third.
        Assert.Equal(4 + 4 + 2, t.Tenant.Statistics.HttpRequests);
    }

    [Fact]
    public async Task CtrlCStopsARoundBeforeItsNextRequest()
    {
        var t = new WatchedTenant(members: 2500);
        t.Tenant.Options.ClockTimePerRequest = TimeSpan.FromSeconds(1);
        using var stop = new CancellationTokenSource();
        var requests = 0;
        // The clock moves as each request arrives: stop while the first member page is being served.
        t.Tenant.Clock.Moved += () =>
        {
            if (++requests == 2)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.WatchAsync(t.Members.ToArray(), sink: new CollectingSink(stop.Token)));

        Assert.Equal(2, t.Tenant.Statistics.HttpRequests);
    }

    [Fact]
    public async Task NothingToWatchSendsNothing()
    {
        var t = new WatchedTenant(members: 10);

        var report = await t.WatchAsync(Array.Empty<LicenseExpectation>());

        Assert.Empty(report.Results);
        Assert.False(report.TimedOut);
        Assert.Equal(0, t.Tenant.Statistics.HttpRequests);
    }

    /// <summary>An empty tenant with one SPE_F1 group whose members hold the licence, and a session on it.</summary>
    private sealed class WatchedTenant
    {
        public WatchedTenant(int members, int seats = 5000, TimeSpan? processingDelay = null)
        {
            Tenant = SimulatedTenant.CreateEmpty(Now, new SimulatorOptions { LicenseProcessingDelay = processingDelay ?? TimeSpan.FromMinutes(1) });
            Sku = Tenant.Store.AddSku("SPE_F1", seats);
            Group = Tenant.Store.AddGroup("LIC-F1");
            Tenant.Store.AssignGroupLicense(Group.Id, Sku.SkuId);
            Members = Enumerable.Range(0, members).Select(i => NewMember("member" + i)).ToList();
            Tenant.Store.ProcessPendingNow();
            Session = GraphSessionFactory.ForSimulator(Tenant, null, Tenant.Clock.UtcNow);
            Tenant.Statistics.Reset();
        }

        public SimulatedTenant Tenant { get; }

        public SimulatedSku Sku { get; }

        public SimulatedGroup Group { get; }

        public List<SimulatedUser> Members { get; }

        public GraphSession Session { get; }

        public DateTimeOffset Started { get; private set; }

        public SimulatedUser NewMember(string name)
        {
            var user = Tenant.Store.AddUser(name + "@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
            Tenant.Store.AddMember(Group.Id, user.Id);
            return user;
        }

        public string? StateOf(SimulatedUser user) =>
            Tenant.Store.GetUser(user.Id).LicenseAssignmentStates.Find(s => s.AssignedByGroup == Group.Id && s.SkuId == Sku.SkuId)?.State;

        public Task<LicenseWatchReport> WatchAsync(IReadOnlyList<SimulatedUser> users, TimeSpan? timeout = null, Action? onDone = null, CollectingSink? sink = null) =>
            WatchAsync(users.Select(u => new LicenseExpectation(u.Id.ToString(), Group.Id.ToString(), new[] { new ExpectedLicense(Sku.SkuId) })).ToList(), timeout, onDone, sink);

        public async Task<LicenseWatchReport> WatchAsync(IReadOnlyList<LicenseExpectation> expectations, TimeSpan? timeout = null, Action? onDone = null, CollectingSink? sink = null)
        {
            Started = Tenant.Clock.UtcNow;
            var watch = new LicenseWatch(expectations, ProgressActivity.Reprocess, "Watching")
            {
                Timings = LicenseWatchTimings.Default.WithTimeout(timeout ?? LicenseWatchTimings.Default.Timeout),
            };
            var report = await GroupLicensingWatcher.WatchAsync(Session, watch, sink ?? new CollectingSink());
            onDone?.Invoke();
            return report;
        }
    }
}
