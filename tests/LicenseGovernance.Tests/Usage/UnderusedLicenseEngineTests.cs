using System.Security;
using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Permissions;
using LicenseGovernance.Engine.Usage;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Usage;

public class UnderusedLicenseEngineTests
{
    [Fact]
    public async Task E5HoldersWhoUseOnlyMailAndOffice_GetE3_WithTheSavingFromThePriceBook()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);
        var e5 = await Price(fx, "SPE_E5");
        var e3 = await Price(fx, "SPE_E3");

        var sink = await Run(fx, new GetUnderusedLicenseRequest());

        Assert.Empty(sink.Errors);
        var found = sink.Of<UnderusedLicense>().OrderBy(r => r.UserPrincipalName).ToList();
        Assert.Equal(new[] { t.MailOnly.UserPrincipalName, t.OfficeDesktop.UserPrincipalName }, found.Select(r => r.UserPrincipalName));
        Assert.All(found, r =>
        {
            Assert.Equal("SPE_E5", r.SkuPartNumber);
            Assert.Equal("SPE_E3", r.SuggestedSkuPartNumber);
            Assert.Equal("Microsoft 365 E3", r.SuggestedProductName);
            Assert.Equal(e5.MonthlyPrice - e3.MonthlyPrice, r.MonthlySaving);
            Assert.Equal((e5.MonthlyPrice - e3.MonthlyPrice) * 12, r.AnnualSaving);
            Assert.Equal(e5.Currency, r.Currency);
            Assert.Equal("D30", r.Period);
            Assert.Equal(UsageSteps.Refresh, r.ReportRefreshDate);
            Assert.Contains("Microsoft 365 E3 covers all of it", r.Evidence);
        });

        var mail = found[0];
        Assert.Equal(new[] { "Exchange", "Teams" }, mail.WorkloadsUsed);
        Assert.Equal(new[] { "Teams (Mobile)", "Outlook (Web)" }, mail.AppsUsed);
        Assert.Equal(new[] { "Mobile", "Web" }, mail.Platforms);
        Assert.Equal(new DateTime(2026, 10, 30), mail.ExchangeLastActivity);
        Assert.Null(mail.OneDriveLastActivity);
        Assert.Equal(new DateTime(2026, 10, 30), mail.LastActivityDate);

        var desktop = found[1];
        Assert.Equal(new[] { "Exchange", "OneDrive", "SharePoint", "Teams" }, desktop.WorkloadsUsed);
        Assert.Contains("Word (Windows)", desktop.AppsUsed);
        Assert.Equal(new[] { "Windows" }, desktop.Platforms);

        // What E5 adds over E3 is exactly what usage reports cannot see: it is named on every finding.
        var expectedHidden = E5Only(fx);
        Assert.All(found, r => Assert.Equal(expectedHidden.OrderBy(x => x), r.NotVisibleInReports.OrderBy(x => x)));
        Assert.All(found, r => Assert.Contains("Not visible in usage reports", r.Evidence));

        // The idle holder needs no licence at all rather than a cheaper one; the never-signed-in one shows nothing in 30 days,
        // and the disabled one is counted apart.
        var warning = Assert.Single(sink.Warnings, w => w.Contains("no activity"));
        Assert.Contains("2 holder(s) of SPE_E5", warning);
        Assert.Contains(sink.Warnings, w => w.StartsWith("1 holder(s) of SPE_E5 have a disabled account", StringComparison.Ordinal));
        Assert.Contains("Get-ZombieLicense", warning);
    }

    [Fact]
    public async Task AUserWhoAlreadyHoldsE3SavesAllOfE5_AGroupLicenseSaysWhereItComesFrom()
    {
        var t = UsageSteps.Build();
        var e5 = SkuCatalog.SkuId("SPE_E5");
        t.Sim.Store.AssignLicense(t.MailOnly.Id, SkuCatalog.SkuId("SPE_E3"));
        var group = t.Sim.Store.AddGroup("LIC-M365-E5", g => g.SecurityEnabled = true);
        t.Sim.Store.AssignGroupLicense(group.Id, e5);
        t.Sim.Store.AddMember(group.Id, t.OfficeDesktop.Id);
        t.Sim.Store.ProcessPendingNow();
        using var fx = new EngineFixture(tenant: t.Sim);
        var e5Price = await Price(fx, "SPE_E5");

        var found = (await Run(fx, new GetUnderusedLicenseRequest())).Of<UnderusedLicense>().ToDictionary(r => r.UserId);

        var both = found[t.MailOnly.Id];
        Assert.True(both.AlreadyHoldsSuggested);
        Assert.Equal(e5Price.MonthlyPrice, both.MonthlySaving);
        Assert.Equal(e5Price.MonthlyPrice * 12, both.AnnualSaving);
        Assert.Contains("already holds Microsoft 365 E3", both.Evidence);
        Assert.Equal("Direct", both.Assignment);

        var inherited = found[t.OfficeDesktop.Id];
        Assert.False(inherited.AlreadyHoldsSuggested);
        Assert.Equal("Both", inherited.Assignment);
        Assert.Equal(new[] { group.Id }, inherited.InheritedGroupIds);
        Assert.Contains("also comes from group(s) " + group.Id, inherited.Evidence);
    }

    [Fact]
    public async Task TheEvidenceSaysHowToChangeTheLicense_ForADirectAGroupAndABothAssignment()
    {
        var t = UsageSteps.Build();
        var e5 = SkuCatalog.SkuId("SPE_E5");
        var e3 = SkuCatalog.SkuId("SPE_E3");
        var group = t.Sim.Store.AddGroup("LIC-M365-E5", g => g.SecurityEnabled = true);
        t.Sim.Store.AssignGroupLicense(group.Id, e5);
        // Mail only: E5 from the group alone, E3 directly. Office desktop: E5 directly and from the group.
        t.Sim.Store.RemoveLicense(t.MailOnly.Id, e5);
        t.Sim.Store.AssignLicense(t.MailOnly.Id, e3);
        t.Sim.Store.AddMember(group.Id, t.MailOnly.Id);
        t.Sim.Store.AddMember(group.Id, t.OfficeDesktop.Id);
        t.Sim.Store.ProcessPendingNow();
        // Both held E5 all along, so today's changes keep them in the report (a day behind) without rewriting any state.

        using var fx = new EngineFixture(tenant: t.Sim);
        var found = (await Run(fx, new GetUnderusedLicenseRequest())).Of<UnderusedLicense>().ToDictionary(r => r.UserId);

        // Holding E3 already does not make "remove E5" a direct call when E5 comes from a group: the group membership goes.
        var inherited = found[t.MailOnly.Id];
        Assert.Equal("Inherited", inherited.Assignment);
        Assert.True(inherited.AlreadyHoldsSuggested);
        Assert.Contains(group.Id.ToString(), inherited.Evidence);
        Assert.Contains("removing the user from", inherited.Evidence);
        Assert.DoesNotContain("assignLicense", inherited.Evidence);

        // Both: the direct assignment and the group each give E5; the saving needs both gone.
        var both = found[t.OfficeDesktop.Id];
        Assert.Equal("Both", both.Assignment);
        Assert.Contains("directly", both.Evidence);
        Assert.Contains(group.Id.ToString(), both.Evidence);
        Assert.Contains("remove the direct", both.Evidence);

        // Direct: say the call.
        var plain = UsageSteps.Build();
        using var plainFx = new EngineFixture(tenant: plain.Sim);
        var direct = (await Run(plainFx, new GetUnderusedLicenseRequest { User = new[] { plain.MailOnly.UserPrincipalName } })).Of<UnderusedLicense>().Single();
        Assert.Equal("Direct", direct.Assignment);
        Assert.Contains("assignLicense", direct.Evidence);
    }

    [Fact]
    public async Task ALongerPeriodCountsOlderActivity_AShorterOneLess()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);

        var halfSink = await Run(fx, new GetUnderusedLicenseRequest { Period = "D90" });
        var half = halfSink.Of<UnderusedLicense>().ToList();
        var week = (await Run(fx, new GetUnderusedLicenseRequest { Period = "D7" })).Of<UnderusedLicense>().ToList();

        // Activity 40 days ago is inside 90 days, but the account is disabled now: it needs no licence, not a cheaper one,
        // so it is counted with a pointer to Get-ZombieLicense instead of being offered E3 (which would also count its saving twice).
        Assert.DoesNotContain(half, r => r.UserId == t.Disabled.Id);
        Assert.Contains(halfSink.Warnings, w => w.StartsWith("1 holder(s) of SPE_E5 have a disabled account", StringComparison.Ordinal) && w.Contains("Get-ZombieLicense -Reason Disabled"));
        Assert.Contains(halfSink.Verbose, v => v.Contains(t.Disabled.UserPrincipalName) && v.Contains("disabled"));
        Assert.DoesNotContain(half, r => r.UserId == t.Idle.Id || r.UserId == t.NeverSignedIn.Id);
        Assert.All(half, r => Assert.True(r.AccountEnabled));
        var desktop = Assert.Single(week, r => r.UserId == t.OfficeDesktop.Id);
        Assert.DoesNotContain("SharePoint", desktop.WorkloadsUsed); // 20 days ago
        Assert.DoesNotContain("Excel (Windows)", desktop.AppsUsed); // 25 days ago
    }

    [Fact]
    public async Task YourOwnPricesDecideTheSaving()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);
        await fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "SPE_E5", MonthlyPrice = 50m, Currency = "EUR" }, new CollectingSink());
        await fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "SPE_E3", MonthlyPrice = 32.5m, Currency = "EUR" }, new CollectingSink());

        var found = (await Run(fx, new GetUnderusedLicenseRequest { User = new[] { t.MailOnly.UserPrincipalName } })).Of<UnderusedLicense>().Single();

        Assert.Equal(17.5m, found.MonthlySaving);
        Assert.Equal(210m, found.AnnualSaving);
        Assert.Equal("EUR", found.Currency);
    }

    [Fact]
    public async Task ATenantWithoutTheCheaperSku_TakesItsPriceAndNameFromThePriceBook()
    {
        // Licensed a year ago, so the report (a day behind) lists the user.
        var sim = SimulatedTenant.CreateEmpty(UsageSteps.Now.AddYears(-1));
        sim.Store.AddSku("SPE_E5", 5);
        var user = sim.Store.AddUser("solo@contoso.onmicrosoft.com", u =>
        {
            u.UsageLocation = "US";
            u.SignInActivity = new SignInActivity { LastSignInDateTime = UsageSteps.Now.AddDays(-1) };
        });
        sim.Store.AssignLicense(user.Id, SkuCatalog.SkuId("SPE_E5"));
        sim.Clock.Advance(UsageSteps.Now - sim.Clock.UtcNow);
        sim.Store.SetUsage(user.Id, new UsageProfile { ExchangeLastActivity = UsageSteps.Now.AddDays(-2) });
        sim.Store.DisplayConcealedNames = false;
        using var fx = new EngineFixture(tenant: sim);
        await fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "SPE_E5", MonthlyPrice = 50m, Currency = "EUR" }, new CollectingSink());
        await fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "SPE_E3", MonthlyPrice = 30m, Currency = "EUR" }, new CollectingSink());

        var found = (await Run(fx, new GetUnderusedLicenseRequest())).Of<UnderusedLicense>().Single();

        Assert.Equal("SPE_E3", found.SuggestedSkuPartNumber);
        Assert.Equal("Microsoft 365 E3", found.SuggestedProductName);
        Assert.Equal(30m, found.SuggestedMonthlyPrice);
        Assert.Equal(20m, found.MonthlySaving);
        Assert.Equal("EUR", found.Currency);
        Assert.Contains("Defender for Endpoint", string.Join(", ", found.NotVisibleInReports)); // the built-in list, without E3's plans to compare
    }

    [Fact]
    public async Task DifferentCurrencies_LeaveTheSavingEmptyWithAWarning()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);
        await fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "SPE_E3", MonthlyPrice = 32.5m, Currency = "EUR" }, new CollectingSink());

        var sink = await Run(fx, new GetUnderusedLicenseRequest { User = new[] { t.MailOnly.Id.ToString() } });

        var found = sink.Of<UnderusedLicense>().Single();
        Assert.Null(found.MonthlySaving);
        Assert.Null(found.Currency);
        Assert.Contains(sink.Warnings, w => w.Contains("EUR") && w.Contains("Set-LicensePrice"));
    }

    [Fact]
    public async Task ConcealedNames_StopWithAnErrorThatSaysHowToShowThem()
    {
        var t = UsageSteps.Build(showNames: false);
        using var fx = new EngineFixture(tenant: t.Sim);

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => Run(fx, new GetUnderusedLicenseRequest()));

        Assert.Equal(ErrorIds.UsageReportNamesConcealed, ex.Error.Id);
        Assert.Contains("conceal user names", ex.Message);
        Assert.Contains("Settings > Org settings", ex.Message);
        Assert.Contains("admin/reportSettings", ex.Message);
        Assert.Contains("\"displayConcealedNames\": false", ex.Message);
        Assert.Contains("ReportSettings.ReadWrite.All", ex.Message);

        Assert.Contains("report settings", ex.Message);
        Assert.Equal(0, t.Sim.Statistics.CountFor("GET /reports/getOffice365ActiveUserDetail")); // known before any download

        t.Sim.Store.DisplayConcealedNames = false;
        Assert.Equal(2, (await Run(fx, new GetUnderusedLicenseRequest())).Of<UnderusedLicense>().Count());
    }

    [Fact]
    public async Task ConcealedNames_AreSeenInTheReportItself_WhenTheSettingsCannotBeRead()
    {
        var t = UsageSteps.Build(showNames: false);
        using var fx = new EngineFixture(tenant: t.Sim, principal: UsageSteps.App("User.Read.All", "LicenseAssignment.Read.All", "Reports.Read.All"));
        var sink = new CollectingSink();

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.GetUnderusedLicensesAsync(new GetUnderusedLicenseRequest(), sink));

        Assert.Equal(ErrorIds.UsageReportNamesConcealed, ex.Error.Id);
        Assert.Contains("getOffice365ActiveUserDetail shows hashed identifiers", ex.Message);
        Assert.Contains("admin/reportSettings", ex.Message);
        Assert.Contains(sink.Verbose, v => v.Contains("ReportSettings.Read.All"));
        Assert.Empty(sink.Of<UnderusedLicense>());
    }

    [Fact]
    public async Task WithoutReportsReadAll_TheErrorNamesThePermission()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim, principal: UsageSteps.App("User.Read.All", "LicenseAssignment.Read.All"));

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => Run(fx, new GetUnderusedLicenseRequest()));

        Assert.Equal(ErrorIds.PermissionDenied, ex.Error.Id);
        Assert.Contains("Reports.Read.All", ex.Message);
        Assert.Contains("getOffice365ActiveUserDetail", ex.Message);
    }

    [Fact]
    public async Task ADelegatedCallerIsToldAboutTheEntraRoleReportsAlsoNeed()
    {
        var t = UsageSteps.Build();
        var signedIn = new SimulatedPrincipal("9b1c3d2e-0000-4000-8000-00000000c0de", "Usage test app", t.E3Holder.UserPrincipalName,
            new[] { "User.Read.All", "LicenseAssignment.Read.All" });
        using var fx = new EngineFixture(tenant: t.Sim, principal: signedIn);

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => Run(fx, new GetUnderusedLicenseRequest()));

        // Graph's 403 does not say which of the two a delegated call lacks: the scope or the signed-in user's role.
        Assert.Equal(ErrorIds.UsageReportsDelegatedDenied, ex.Error.Id);
        Assert.Contains("Reports.Read.All", ex.Message);
        Assert.Contains("The token lacks Reports.Read.All", ex.Message);
        Assert.Contains("Reports Reader", ex.Message);
        Assert.Contains("Global Reader", ex.Message);
        Assert.Contains("getOffice365ActiveUserDetail", ex.Message);

        // With the scope in the token, only the role can be missing, and the error says so instead of asking for the scope again.
        var withScope = new SimulatedPrincipal(signedIn.AppId, signedIn.DisplayName, signedIn.UserPrincipalName, new[] { "Reports.Read.All" });
        var claims = LicenseGovernance.Engine.Graph.Connection.TokenClaims.TryParse(t.Sim.IssueAccessToken(withScope, TimeSpan.FromHours(1)))!;
        var roleOnly = UsageReportReader.ReportsDenied("read the usage report getOffice365ActiveUserDetail(period='D30')", claims, "Invalid permission.");
        Assert.Equal(ErrorIds.UsageReportsDelegatedDenied, roleOnly.Id);
        Assert.Contains("The token has Reports.Read.All, so the signed-in user lacks the role", roleOnly.Message);
        Assert.DoesNotContain("token lacks", roleOnly.Message);
        Assert.Contains("Reports Reader", roleOnly.Message);
    }

    [Fact]
    public async Task OnlyGetUnderusedLicenseReadsReports_SoTheCatalogueAsksNoReportPermissionForZombies()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);

        await fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), new CollectingSink());
        await fx.Engine.GetUnderusedLicensesAsync(new GetUnderusedLicenseRequest(), new CollectingSink());

        // One run of each: the report and the settings calls are Get-UnderusedLicense's alone, so Test-LicenseGovernancePermission
        // must not tell a Get-ZombieLicense user to grant Reports.Read.All or ReportSettings.Read.All.
        Assert.Equal(1, t.Sim.Statistics.CountFor("GET /reports/getOffice365ActiveUserDetail"));
        Assert.Equal(1, t.Sim.Statistics.CountFor("GET /admin/reportSettings"));
        foreach (var key in new[] { "ReadUsageReports", "ReadReportSettings" })
        {
            Assert.Equal(new[] { "Get-UnderusedLicense" }, CapabilityCatalog.Get(key).Commands);
        }
    }

    [Fact]
    public async Task BadInput_GetsSpecificErrors()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);

        var period = await Assert.ThrowsAsync<LicenseGovernanceException>(() => Run(fx, new GetUnderusedLicenseRequest { Period = "D14" }));
        Assert.Equal(ErrorIds.UsagePeriodInvalid, period.Error.Id);
        Assert.Contains("D7, D30, D90 or D180", period.Message);

        t.Sim.Statistics.Reset();
        var notPremium = await Run(fx, new GetUnderusedLicenseRequest { Sku = new[] { "SPE_E3" } });
        var error = Assert.Single(notPremium.Errors);
        Assert.Equal(ErrorIds.UsageSkuHasNoCheaperTier, error.Id);
        Assert.Contains("SPE_E5", error.Message);
        Assert.Equal(0, t.Sim.Statistics.CountFor("GET /reports/getOffice365ActiveUserDetail"));

        var unknown = await Run(fx, new GetUnderusedLicenseRequest { Sku = new[] { "SPE_E7" } });
        Assert.Equal(ErrorIds.SkuNotFound, Assert.Single(unknown.Errors).Id);

        var missingUser = await Run(fx, new GetUnderusedLicenseRequest { User = new[] { "nobody@contoso.onmicrosoft.com", t.MailOnly.UserPrincipalName } });
        Assert.Equal(ErrorIds.UserNotFound, Assert.Single(missingUser.Errors).Id);
        Assert.Single(missingUser.Of<UnderusedLicense>());
    }

    [Fact]
    public async Task OnlyTheHoldersOfTheSkuAreRead_AndUsersLicensedAfterTheReportAreNotJudged()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);
        // Licensed today: the reports, a day behind, do not list the user yet.
        var late = t.Sim.Store.AddUser("late@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        t.Sim.Store.AssignLicense(late.Id, SkuCatalog.SkuId("SPE_E5"));

        var sink = await Run(fx, new GetUnderusedLicenseRequest { Sku = new[] { "Microsoft 365 E5" } });

        Assert.Equal(2, sink.Of<UnderusedLicense>().Count());
        Assert.Contains(sink.Warnings, w => w.StartsWith("1 licence holder(s) are not in the usage report yet", StringComparison.Ordinal));
        Assert.Contains(sink.Verbose, v => v.Contains(late.UserPrincipalName));
        Assert.DoesNotContain(sink.Of<UnderusedLicense>(), r => r.SkuPartNumber != "SPE_E5");
        Assert.Equal(1, t.Sim.Statistics.CountFor("GET /reports/getM365AppUserDetail"));
    }

    [Fact]
    public async Task ANamedUserWhoHoldsNoPremiumSku_IsSaidToBeSo_NotPassedOverInSilence()
    {
        var t = UsageSteps.Build();
        using var fx = new EngineFixture(tenant: t.Sim);

        var sink = await Run(fx, new GetUnderusedLicenseRequest { User = new[] { t.E3Holder.UserPrincipalName, t.MailOnly.UserPrincipalName } });

        Assert.Equal(t.MailOnly.Id, Assert.Single(sink.Of<UnderusedLicense>()).UserId);
        Assert.Contains(sink.Warnings, w => w.StartsWith("1 of the named user(s) hold none of SPE_E5", StringComparison.Ordinal));
        Assert.Contains(sink.Verbose, v => v.Contains(t.E3Holder.UserPrincipalName) && v.Contains("holds none of"));

        // Listing every holder names nobody, so nobody is missing, even when two premium SKUs make it read every user.
        t.Sim.Store.AddSku("ENTERPRISEPREMIUM", 5);
        Assert.DoesNotContain((await Run(fx, new GetUnderusedLicenseRequest())).Warnings, w => w.Contains("named user"));
    }

    [Fact]
    public async Task DemoTenant_FindsExactlyTheE5HoldersTheModelShowsActive()
    {
        using var fx = new EngineFixture(users: 1500);
        var store = fx.Tenant.Store;
        var e5 = SkuCatalog.SkuId("SPE_E5");
        var refresh = fx.Tenant.Clock.UtcNow.UtcDateTime.Date.AddDays(-1);
        var from = refresh.AddDays(-29);

        var found = (await Run(fx, new GetUnderusedLicenseRequest { Sku = new[] { "SPE_E5" } })).Of<UnderusedLicense>().ToList();

        // Independently of the reports: enabled E5 holders whose model shows any use within 30 days, capped at their last sign-in.
        var expected = store.Users.Where(u => u.AccountEnabled != false && u.LicenseAssignmentStates.Any(s => s.SkuId == e5 && s.HoldsSeat) && ActiveSince(u, from, refresh)).Select(u => u.Id).OrderBy(x => x);
        Assert.Contains(store.Users, u => u.AccountEnabled == false && u.LicenseAssignmentStates.Any(s => s.SkuId == e5 && s.HoldsSeat) && ActiveSince(u, from, refresh));
        Assert.NotEmpty(found);
        Assert.Equal(expected, found.Select(r => r.UserId).OrderBy(x => x));
        Assert.All(found, r => Assert.Equal(21m, r.MonthlySaving)); // built-in list prices: 60 - 39
        Assert.Equal(found.Count * 252m, found.Sum(r => r.AnnualSaving));
    }

    [Fact]
    public async Task OverLoopbackHttpWithAnAccessToken_TheRealSessionFollowsTheRedirect()
    {
        var t = UsageSteps.Build();
        using var server = LoopbackSimulatorServer.Start(t.Sim);
        var settings = Path.Combine(Path.GetTempPath(), "lg-usage-" + Guid.NewGuid().ToString("N"));
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = settings });
        var token = new SecureString();
        foreach (var ch in t.Sim.IssueAccessToken(t.Sim.DefaultPrincipal, TimeSpan.FromDays(3650)))
        {
            token.AppendChar(ch);
        }

        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = token, GraphEndpoint = server.BaseAddress, IsInteractiveHost = false }, new CollectingSink());
        var sink = new CollectingSink();
        await engine.GetUnderusedLicensesAsync(new GetUnderusedLicenseRequest(), sink);

        engine.Disconnect();
        if (Directory.Exists(settings))
        {
            Directory.Delete(settings, recursive: true);
        }

        Assert.Empty(sink.Errors);
        Assert.Equal(2, sink.Of<UnderusedLicense>().Count());
    }

    private static bool ActiveSince(SimulatedUser user, DateTime from, DateTime refresh)
    {
        var s = user.SignInActivity;
        var usage = user.Usage;
        if (s == null || usage == null)
        {
            return false;
        }

        var signedIn = new[] { s.LastSignInDateTime, s.LastNonInteractiveSignInDateTime, s.LastSuccessfulSignInDateTime }.Max()!.Value;
        var dates = new[] { usage.ExchangeLastActivity, usage.OneDriveLastActivity, usage.SharePointLastActivity, usage.SkypeForBusinessLastActivity, usage.YammerLastActivity, usage.TeamsLastActivity }
            .Where(d => d.HasValue).Select(d => d!.Value).Concat(usage.AppLastUsed.Values);
        return dates.Select(d => (d < signedIn ? d : signedIn).UtcDateTime.Date).Select(d => d > refresh ? refresh : d).Any(d => d >= from);
    }

    private static string[] E5Only(EngineFixture fx)
    {
        var e5 = fx.Tenant.Store.GetSku(SkuCatalog.SkuId("SPE_E5"))!;
        var e3 = fx.Tenant.Store.GetSku(SkuCatalog.SkuId("SPE_E3"))!;
        var sink = new CollectingSink();
        fx.Engine.GetSkusAsync(new GetLicenseSkuRequest { Sku = new[] { "SPE_E5" } }, sink).GetAwaiter().GetResult();
        var described = sink.Of<LicenseSku>().Single();
        return e5.ServicePlans.Where(p => e3.ServicePlans.All(c => c.ServicePlanId != p.ServicePlanId))
            .Select(p => described.ServicePlans.Single(d => d.ServicePlanId == p.ServicePlanId))
            .Select(d => d.FriendlyName ?? d.ServicePlanName).Distinct().ToArray();
    }

    private static async Task<LicensePrice> Price(EngineFixture fx, string sku)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetPricesAsync(new GetPriceRequest { Sku = new[] { sku } }, sink);
        return sink.Of<LicensePrice>().Single();
    }

    private static async Task<CollectingSink> Run(EngineFixture fx, GetUnderusedLicenseRequest request)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetUnderusedLicensesAsync(request, sink);
        return sink;
    }
}
