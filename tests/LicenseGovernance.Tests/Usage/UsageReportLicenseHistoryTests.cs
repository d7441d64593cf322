using System.Net;
using LicenseGovernance.Engine;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Simulator;
using Xunit;

namespace LicenseGovernance.Tests.Usage;

/// <summary>
/// The usage reports list a user from the licence history (the simulator's licence timeline), not from when a licence
/// state was last written: moving a licence from a direct to a group assignment, or re-processing it, changes no row.
/// </summary>
public class UsageReportLicenseHistoryTests
{
    private const string ActiveUsers = "reports/getOffice365ActiveUserDetail(period='D30')";
    private const string AppUsers = "reports/getM365AppUserDetail(period='D30')";

    [Fact]
    public async Task AUserMovedFromADirectToAGroupLicenseToday_KeepsTheSameRowsInTodaysReports()
    {
        var t = UsageSteps.Build();
        var activeBefore = Row(await Download(t.Sim, ActiveUsers), t.MailOnly);
        var appsBefore = Row(await Download(t.Sim, AppUsers), t.MailOnly);

        t.Sim.Clock.Advance(TimeSpan.FromHours(2));
        MoveToGroup(t.Sim, t.MailOnly, "SPE_E5");
        Assert.All(t.Sim.Store.GetUser(t.MailOnly.Id).LicenseAssignmentStates, s => Assert.NotNull(s.AssignedByGroup));
        Assert.All(t.Sim.Store.GetUser(t.MailOnly.Id).LicenseAssignmentStates, s => Assert.Equal(t.Sim.Clock.UtcNow.UtcDateTime.Date, s.LastUpdatedDateTime.UtcDateTime.Date));

        var activeAfter = Row(await Download(t.Sim, ActiveUsers), t.MailOnly);
        var appsAfter = Row(await Download(t.Sim, AppUsers), t.MailOnly);

        Assert.Equal(activeBefore, activeAfter);
        Assert.Equal(appsBefore, appsAfter);
        Assert.Equal("2025-11-01", activeAfter["Exchange License Assign Date"]);
        Assert.Equal("True", activeAfter["Has Exchange License"]);
    }

    [Fact]
    public async Task AReprocessThatRewritesTheStateButKeepsTheLicense_ChangesNoRow()
    {
        var t = UsageSteps.Build();
        t.Sim.Clock.Advance(TimeSpan.FromHours(2));
        MoveToGroup(t.Sim, t.OfficeDesktop, "SPE_E5");
        t.Sim.Clock.Advance(TimeSpan.FromDays(3));
        var before = Row(await Download(t.Sim, ActiveUsers), t.OfficeDesktop);

        // The group now disables Teams: the state is rewritten today, the user keeps E5 throughout.
        var group = t.Sim.Store.Groups.Single(g => g.DisplayName == "LIC-SPE_E5");
        var teams = t.Sim.Store.GetSku(SkuCatalog.SkuId("SPE_E5"))!.ServicePlans.Single(p => p.ServicePlanName == "TEAMS1").ServicePlanId;
        t.Sim.Store.AssignGroupLicense(group.Id, SkuCatalog.SkuId("SPE_E5"), new[] { teams });
        t.Sim.Store.ProcessPendingNow();
        Assert.Equal(t.Sim.Clock.UtcNow, t.Sim.Store.GetUser(t.OfficeDesktop.Id).LicenseAssignmentStates.Single().LastUpdatedDateTime);

        var after = Row(await Download(t.Sim, ActiveUsers), t.OfficeDesktop);

        Assert.Equal("2025-11-01", after["Exchange License Assign Date"]);
        Assert.Equal(before["Exchange License Assign Date"], after["Exchange License Assign Date"]);
        Assert.Equal(before["Assigned Products"], after["Assigned Products"]);
    }

    [Fact]
    public async Task AUserLicensedForTheFirstTimeToday_IsAbsentUntilTheNextRefresh_ThenAssignedThatDay()
    {
        var t = UsageSteps.Build();
        var late = t.Sim.Store.AddUser("late@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        t.Sim.Store.AssignLicense(late.Id, SkuCatalog.SkuId("SPE_E5"));

        Assert.DoesNotContain((await Download(t.Sim, ActiveUsers)).Rows, r => r["User Principal Name"] == late.UserPrincipalName);
        Assert.DoesNotContain((await Download(t.Sim, AppUsers)).Rows, r => r["User Principal Name"] == late.UserPrincipalName);

        t.Sim.Clock.Advance(TimeSpan.FromDays(1));
        var row = Row(await Download(t.Sim, ActiveUsers), late);
        Assert.Equal("2026-11-01", row["Exchange License Assign Date"]);
        Assert.Equal("MICROSOFT 365 E5", row["Assigned Products"]);
    }

    [Fact]
    public async Task ALicenseRemovedToday_StillShowsInTodaysReport_AsItStoodOnTheRefreshDate()
    {
        var t = UsageSteps.Build();
        t.Sim.Store.RemoveLicense(t.E3Holder.Id, SkuCatalog.SkuId("SPE_E3"));

        var row = Row(await Download(t.Sim, ActiveUsers), t.E3Holder);
        Assert.Equal("MICROSOFT 365 E3", row["Assigned Products"]);
        Assert.Equal("2025-11-01", row["Exchange License Assign Date"]);

        t.Sim.Clock.Advance(TimeSpan.FromDays(1));
        Assert.DoesNotContain((await Download(t.Sim, ActiveUsers)).Rows, r => r["User Principal Name"] == t.E3Holder.UserPrincipalName);
    }

    [Fact]
    public async Task AUserMovedFromADirectToAGroupLicenseToday_IsStillFoundUnderused_NotCalledMissingFromTheReport()
    {
        var t = UsageSteps.Build();
        t.Sim.Clock.Advance(TimeSpan.FromHours(2));
        var group = MoveToGroup(t.Sim, t.MailOnly, "SPE_E5");
        using var fx = new EngineFixture(tenant: t.Sim);
        var sink = new CollectingSink();

        await fx.Engine.GetUnderusedLicensesAsync(new GetUnderusedLicenseRequest(), sink);

        Assert.Empty(sink.Errors);
        Assert.DoesNotContain(sink.Warnings, w => w.Contains("not in the usage report yet"));
        var mail = Assert.Single(sink.Of<UnderusedLicense>(), r => r.UserId == t.MailOnly.Id);
        Assert.Equal("SPE_E3", mail.SuggestedSkuPartNumber);
        Assert.Equal("Inherited", mail.Assignment);
        Assert.Equal(new[] { group.Id }, mail.InheritedGroupIds);
        Assert.Equal(new[] { "Exchange", "Teams" }, mail.WorkloadsUsed);
        Assert.Equal(2, sink.Of<UnderusedLicense>().Count());
    }

    [Fact]
    public async Task ASeededUserMovedToItsGroupToday_KeepsTheSeededAssignDate_AlsoAfterASnapshotRoundTrip()
    {
        // Seeded two years back with no history on the timeline: the first change records when the state started.
        var sim = LegacyDirectLicenseTenant.Create(new LegacyDirectLicenseOptions { Users = 1, SpareSeats = 5 });
        sim.Store.DisplayConcealedNames = false;
        var user = sim.Store.Users.Single();
        var sku = sim.Store.Skus.Single();
        var before = Row(await Download(sim, ActiveUsers), user);
        Assert.Equal("2024-03-02", before["Exchange License Assign Date"]);

        sim.Store.AddMember(sim.Store.Groups.Single().Id, user.Id);
        sim.Store.ProcessPendingNow();
        sim.Store.RemoveLicense(user.Id, sku.SkuId);
        Assert.All(sim.Store.GetUser(user.Id).LicenseAssignmentStates, s => Assert.Equal(sim.Clock.UtcNow, s.LastUpdatedDateTime));

        Assert.Equal(before, Row(await Download(sim, ActiveUsers), user));
        var path = Path.Combine(Path.GetTempPath(), "lg-usage-history-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            sim.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);
            Assert.Equal(before, Row(await Download(loaded, ActiveUsers), user));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What Move-DirectToGroupLicense does: the group's licence arrives first, then the direct one goes.</summary>
    private static SimulatedGroup MoveToGroup(SimulatedTenant sim, SimulatedUser user, string sku)
    {
        var group = sim.Store.Groups.FirstOrDefault(g => g.DisplayName == "LIC-" + sku)
            ?? sim.Store.AddGroup("LIC-" + sku, g => g.SecurityEnabled = true);
        if (!group.AssignedLicenses.Exists(l => l.SkuId == SkuCatalog.SkuId(sku)))
        {
            sim.Store.AssignGroupLicense(group.Id, SkuCatalog.SkuId(sku));
        }

        sim.Store.AddMember(group.Id, user.Id);
        sim.Store.ProcessPendingNow();
        sim.Store.RemoveLicense(user.Id, SkuCatalog.SkuId(sku));
        Assert.Empty(sim.Store.LicenseTimeline.Gaps(user.Id, new[] { SkuCatalog.SkuId(sku) }, UsageSteps.Now.AddYears(-1).AddMinutes(1), sim.Clock.UtcNow, heldWhenUnchanged: true));
        return group;
    }

    private static Dictionary<string, string> Row((string[] Header, List<Dictionary<string, string>> Rows) report, SimulatedUser user) =>
        Assert.Single(report.Rows, r => r["User Principal Name"] == user.UserPrincipalName);

    // A fresh client (and token) per report, since the tests move the clock by hours and days.
    private static async Task<(string[] Header, List<Dictionary<string, string>> Rows)> Download(SimulatedTenant sim, string url)
    {
        using var client = SimulatorFixture.Client(sim);
        var redirect = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var body = await (await client.GetAsync(redirect.Headers.Location)).Content.ReadAsByteArrayAsync();
        return UsageSteps.ParseCsv(body);
    }
}
