using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;
using Xunit;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>The simulator's per-user licence timeline, the write quota's time scale, and the response-lost fault.</summary>
public class LicenseTimelineTests
{
    private static (SimulatedTenant Tenant, Guid User, Guid Sku, Guid Group) TenantWithDirectE3()
    {
        var tenant = LegacyDirectLicenseTenant.Create(new LegacyDirectLicenseOptions { Users = 1, SpareSeats = 5 });
        var user = tenant.Store.Users.Single();
        return (tenant, user.Id, tenant.Store.Skus.Single().SkuId, tenant.Store.Groups.Single().Id);
    }

    [Fact]
    public void RemovingTheDirectLicenseBeforeTheGroupsArrives_ShowsAGapAtThatInstant()
    {
        var (tenant, user, sku, group) = TenantWithDirectE3();
        var start = tenant.Clock.UtcNow;
        tenant.Clock.Advance(TimeSpan.FromMinutes(1));
        var removedAt = tenant.Clock.UtcNow;
        tenant.Store.RemoveLicense(user, sku);
        tenant.Store.AddMember(group, user);
        tenant.Clock.Advance(TimeSpan.FromHours(1));

        var gaps = tenant.Store.LicenseTimeline.Gaps(user, new[] { sku }, start, tenant.Clock.UtcNow, heldWhenUnchanged: true);

        Assert.Equal(new[] { removedAt }, gaps);
        Assert.Empty(tenant.Store.LicenseTimeline.HeldAt(user, removedAt.AddSeconds(30)));
        Assert.Equal(new[] { sku }, tenant.Store.LicenseTimeline.HeldAt(user, tenant.Clock.UtcNow));
    }

    [Fact]
    public void PeriodsWithout_StartWhenTheLastLicenceInScopeGoes_AndCountALossAndGainAtOneTickAsZeroLong()
    {
        var (tenant, user, sku, group) = TenantWithDirectE3();
        tenant.Clock.Advance(TimeSpan.FromMinutes(1));
        var removedAt = tenant.Clock.UtcNow;
        tenant.Store.RemoveLicense(user, sku);
        tenant.Store.AddMember(group, user);
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        var groupAt = tenant.Store.LicenseTimeline.EventsFor(user).Last().At;

        var gap = Assert.Single(tenant.Store.LicenseTimeline.PeriodsWithout(user, _ => true));
        Assert.Equal((removedAt, (DateTimeOffset?)groupAt), (gap.Start, gap.End));

        tenant.Store.AssignLicense(user, sku);
        var removedAgain = tenant.Clock.UtcNow;
        tenant.Store.RemoveLicense(user, sku);
        var zero = tenant.Store.LicenseTimeline.PeriodsWithout(user, s => false);
        Assert.Empty(zero);
        Assert.Single(tenant.Store.LicenseTimeline.PeriodsWithout(user, s => s == sku));

        tenant.Store.RemoveMember(group, user);
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        var open = tenant.Store.LicenseTimeline.PeriodsWithout(user, s => s == sku).Last();
        Assert.Null(open.End);
        Assert.True(open.Start > removedAgain);
    }

    [Fact]
    public void TheGroupsLicenseFirst_ThenTheDirectOnesRemoval_LeavesNoGap_AndTheTimelineNamesEachSource()
    {
        var (tenant, user, sku, group) = TenantWithDirectE3();
        var start = tenant.Clock.UtcNow;
        tenant.Store.AddMember(group, user);
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        tenant.Store.RemoveLicense(user, sku);

        Assert.Empty(tenant.Store.LicenseTimeline.Gaps(user, new[] { sku }, start, tenant.Clock.UtcNow, heldWhenUnchanged: true));
        var events = tenant.Store.LicenseTimeline.EventsFor(user);
        Assert.Equal(new (Guid?, bool)[] { (null, true), (group, true), (null, false) }, events.Select(e => (e.AssignedByGroup, e.Gained)));
        Assert.Equal(DateTimeOffset.MinValue, events[0].At);
        Assert.Equal(1, tenant.Store.LicenseTimeline.Losses(user, sku, null));
    }

    [Fact]
    public void TheTimelineRoundTripsThroughASnapshot()
    {
        var (tenant, user, sku, group) = TenantWithDirectE3();
        tenant.Store.AddMember(group, user);
        tenant.Clock.Advance(TimeSpan.FromHours(1));
        tenant.Store.RemoveLicense(user, sku);
        var path = Path.Combine(Path.GetTempPath(), "lg-timeline-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            tenant.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);

            Assert.Equal(
                tenant.Store.LicenseTimeline.EventsFor(user).Select(e => (e.At, e.SkuId, e.AssignedByGroup, e.Gained)),
                loaded.Store.LicenseTimeline.EventsFor(user).Select(e => (e.At, e.SkuId, e.AssignedByGroup, e.Gained)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheWriteQuotasTimeScaleShortensTheWindowButNotTheBudget()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var options = new ThrottlingOptions { WritesPer150Seconds = 30, TimeScale = 10 };
        var gate = new ThrottleGate(options, () => now);
        for (var i = 0; i < 30; i++)
        {
            Assert.True(gate.TryAcquire("app", "tenant", 1, true).Allowed);
        }

        var refused = gate.TryAcquire("app", "tenant", 1, true);
        Assert.False(refused.Allowed);
        Assert.Equal("WriteLimitExceeded", refused.Information);
        // 30 writes per 15 s refill one write every half second.
        Assert.Equal(2.0, options.WritesPerSecond);
        now = now.AddSeconds(0.5);
        Assert.True(gate.TryAcquire("app", "tenant", 1, true).Allowed);
    }

    [Fact]
    public async Task AResponseLostFaultAppliesTheRequestAndFailsTheClient()
    {
        var (tenant, user, sku, _) = TenantWithDirectE3();
        tenant.Faults.Add(FaultRule.ResponseLost().ForPath("^/users/[^/]+/assignLicense$").After(0).Times(1));
        using var http = new HttpClient(tenant.CreateHandler());
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tenant.IssueAccessToken(tenant.DefaultPrincipal));
        var body = new StringContent($"{{\"addLicenses\":[],\"removeLicenses\":[\"{sku}\"]}}", System.Text.Encoding.UTF8, "application/json");

        await Assert.ThrowsAsync<SimulatedResponseLostException>(() => http.PostAsync($"https://graph.microsoft.com/v1.0/users/{user}/assignLicense", body));

        Assert.DoesNotContain(tenant.Store.GetUser(user).LicenseAssignmentStates, s => s.AssignedByGroup == null);
        Assert.Equal(1, tenant.Statistics.ServedWith("POST /users/{id}/assignLicense", 200));
    }

    [Fact]
    public void OneAssignLicenseSwappingMailboxSkus_LeavesNoGapWithoutAny_WhileTwoChangesAtOneTickDo()
    {
        var tenant = SimulatedTenant.CreateEmpty(SimulatorFixture.Now);
        var f1 = tenant.Store.AddSku("SPE_F1", 5).SkuId;
        var e5 = tenant.Store.AddSku("SPE_E5", 5).SkuId;
        var swapped = tenant.Store.AddUser("swapped@contoso.onmicrosoft.com", u => u.UsageLocation = "US").Id;
        var apart = tenant.Store.AddUser("apart@contoso.onmicrosoft.com", u => u.UsageLocation = "US").Id;
        tenant.Store.AssignLicense(swapped, f1);
        tenant.Store.AssignLicense(apart, f1);
        var start = tenant.Clock.UtcNow.AddTicks(1);
        tenant.Clock.Advance(TimeSpan.FromMinutes(1));
        var at = tenant.Clock.UtcNow;

        tenant.Store.Write(() => tenant.Store.AssignUserLicensesCore(tenant.Store.GetUser(swapped),
            new[] { new LicenseGovernance.Simulator.Model.AssignedLicense { SkuId = e5 } }, new[] { f1 }));
        tenant.Store.RemoveLicense(apart, f1);
        tenant.Store.AssignLicense(apart, e5);

        var mailbox = new[] { f1, e5 };
        var timeline = tenant.Store.LicenseTimeline;
        Assert.Empty(timeline.Gaps(swapped, mailbox, start, tenant.Clock.UtcNow, heldWhenUnchanged: true));
        Assert.Equal(new[] { at }, timeline.Gaps(apart, mailbox, start, tenant.Clock.UtcNow, heldWhenUnchanged: true));
        // The SKU-by-SKU view still sees F1 go.
        Assert.Equal(new[] { at }, timeline.Gaps(swapped, new[] { f1 }, start, tenant.Clock.UtcNow, heldWhenUnchanged: true));
        // The periods Get-LicenseSimulatorTimeline -Gaps shows give the same verdict: none, and one of zero seconds.
        Assert.Empty(timeline.PeriodsWithout(swapped, mailbox.Contains));
        var zero = Assert.Single(timeline.PeriodsWithout(apart, mailbox.Contains));
        Assert.Equal((at, (DateTimeOffset?)at), (zero.Start, zero.End));
    }

    [Fact]
    public void GroupLicensingErrors_AreKeptInTheErrorHistory_EvenAfterTheyClear()
    {
        var tenant = SimulatedTenant.CreateEmpty(SimulatorFixture.Now);
        var f1 = tenant.Store.AddSku("SPE_F1", 5).SkuId;
        var e5 = tenant.Store.AddSku("SPE_E5", 5).SkuId;
        var user = tenant.Store.AddUser("both@contoso.onmicrosoft.com", u => u.UsageLocation = "US").Id;
        var tier1 = tenant.Store.AddGroup("Tier1").Id;
        var tier3 = tenant.Store.AddGroup("Tier3").Id;
        tenant.Store.AssignGroupLicense(tier1, f1);
        tenant.Store.AssignGroupLicense(tier3, e5);
        tenant.Store.AddMember(tier1, user);
        tenant.Store.ProcessPendingNow();

        tenant.Store.AddMember(tier3, user);
        tenant.Store.ProcessPendingNow();
        tenant.Store.RemoveMember(tier1, user);
        tenant.Store.ReprocessLicenseAssignment(user);
        tenant.Store.ProcessPendingNow();

        Assert.Equal("Active", tenant.Store.GetUser(user).LicenseAssignmentStates.Single(s => s.SkuId == e5).State);
        var error = Assert.Single(tenant.Store.LicenseErrors.Of("MutuallyExclusiveViolation", user));
        Assert.Equal((e5, tier3), (error.SkuId, error.GroupId));
        Assert.Empty(tenant.Store.LicenseErrors.Of("CountViolation"));
    }
}
