using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Waste;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Waste;

/// <summary>Get-ZombieLicense and Get-LicenseUtilization on document 001's tenant: counts and money come from the tenant.</summary>
public sealed class ZombieLicenseTests
{
    [Fact]
    public async Task DocumentOnesTenantYieldsItsZombieCountAndAnnualWaste()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions());
        using var fx = new EngineFixture(tenant: tenant);
        var now = tenant.Clock.UtcNow;
        var e5 = tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E5");
        var users = tenant.Store.Users.Where(u => WasteSteps.HoldsSeat(u, e5.SkuId)).ToList();

        // The tenant is document 001's: 1,000 E5 users, 12% departed, 27% of the others inactive.
        Assert.Equal(1000, users.Count);
        var departed = users.Count(u => WasteSteps.IsDeparted(u, now));
        var inactive = users.Count(u => !WasteSteps.IsDeparted(u, now) && WasteSteps.IsInactive(u, now));
        Assert.Equal(0.12, departed / 1000.0, 3);
        Assert.Equal(0.27, inactive / 1000.0, 3);
        var expected = users.Where(u => WasteSteps.IsZombie(u, now)).Select(u => u.Id).ToHashSet();
        Assert.Equal(departed + inactive, expected.Count);

        tenant.Statistics.Reset();
        var (zombies, sink) = await fx.ZombiesAsync();
        Assert.Empty(sink.Warnings);
        Assert.Equal(expected.OrderBy(i => i), zombies.Select(z => z.UserId).OrderBy(i => i));
        Assert.All(zombies, z =>
        {
            Assert.Equal("SPE_E5", z.SkuPartNumber);
            Assert.Equal(60m, z.MonthlyCost);
            Assert.Equal(720m, z.AnnualCost);
            Assert.Equal("USD", z.Currency);
            Assert.Contains("EXCHANGE_S_ENTERPRISE", z.MailboxPlans);
        });
        Assert.Equal(expected.Count * 720m, zombies.Sum(z => z.AnnualCost));

        // Reasons and evidence, user by user, against the model.
        foreach (var z in zombies)
        {
            var u = tenant.Store.GetUser(z.UserId);
            Assert.Equal(!u.AccountEnabled, z.Reasons.Contains(ZombieReason.Disabled));
            Assert.Equal(WasteSteps.IsDeparted(u, now), z.Reasons.Contains(ZombieReason.Departed));
            Assert.Equal(u.SignInActivity == null, z.Reasons.Contains(ZombieReason.NeverSignedIn));
            Assert.Equal(u.EmployeeLeaveDateTime, z.EmployeeLeaveDateTime);
            Assert.Equal(u.CreatedDateTime, z.CreatedDateTime);
            var expectedSource = u.SignInActivity == null ? "None" : u.SignInActivity.LastSuccessfulSignInDateTime != null ? "lastSuccessfulSignInDateTime" : null;
            if (expectedSource != null)
            {
                Assert.Equal(expectedSource, z.LastSignInSource);
            }

            Assert.Equal(u.LicenseAssignmentStates.Any(s => s.AssignedByGroup == null) ? LicenseSourceKind.Direct : LicenseSourceKind.Group, Assert.Single(z.Sources).Kind);
        }

        // Users who last signed in before Graph tracked successful sign-ins are judged on the later of the other two fields.
        Assert.Contains(zombies, z => z.LastSignInSource is "lastSignInDateTime" or "lastNonInteractiveSignInDateTime");

        // Users judged active only through the fallback (an empty successful-sign-in field, recent non-interactive sign-ins) are not zombies.
        var fallbackActive = users.Where(u => u.SignInActivity is { LastSuccessfulSignInDateTime: null, LastNonInteractiveSignInDateTime: not null }
            && u.SignInActivity.LastNonInteractiveSignInDateTime > now.AddDays(-90) && u.AccountEnabled && !WasteSteps.IsDeparted(u, now)).ToList();
        Assert.NotEmpty(fallbackActive);
        Assert.DoesNotContain(zombies, z => fallbackActive.Any(u => u.Id == z.UserId));

        // New accounts that never signed in are within their grace period.
        var fresh = users.Where(u => u.SignInActivity == null && u.CreatedDateTime > now.AddDays(-90)).ToList();
        Assert.NotEmpty(fresh);
        Assert.DoesNotContain(zombies, z => fresh.Any(u => u.Id == z.UserId));

        // With sign-in activity selected Graph serves pages of 500: the listing took exactly the pages it forces, plus one probe-free count.
        Assert.Equal((int)Math.Ceiling(tenant.Store.Users.Count / 500.0), tenant.Statistics.CountFor("GET /users"));

        var utilization = Assert.Single(await fx.UtilizationAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } }));
        Assert.Equal(e5.PrepaidEnabled, utilization.Purchased);
        Assert.Equal(1000, utilization.Assigned);
        Assert.Equal(e5.PrepaidEnabled - 1000, utilization.Available);
        Assert.Equal(expected.Count, utilization.AssignedToZombies);
        Assert.Equal(expected.Count * 60m, utilization.ZombieMonthlyCost);
        Assert.Equal((e5.PrepaidEnabled - 1000) * 60m, utilization.UnassignedMonthlyCost);
        Assert.Equal((expected.Count + e5.PrepaidEnabled - 1000) * 720m, utilization.WastedAnnualCost);
        Assert.Equal(1000 * 60m, utilization.AssignedMonthlyCost);
    }

    [Fact]
    public async Task TheMeasurementForTheHealthScoreAgreesWithTheCommands()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 300, Seed = 5 });
        using var fx = new EngineFixture(tenant: tenant);
        var (zombies, _) = await fx.ZombiesAsync();
        var sink = new CollectingSink();
        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);
        var measured = await WasteScanner.MeasureAsync(fx.Engine.Session!, sink.Of<LicenseSku>().ToList(), new ZombieQuery(), new CollectingSink(CancellationToken.None) { KeepObjects = false });
        // The measurement keeps counts by SKU and reasons, not the licences: the same counts and costs as the listing's.
        string Key(Guid sku, IEnumerable<ZombieReason> reasons) => sku + ":" + string.Join(",", reasons.OrderBy(r => r));
        var listed = zombies.GroupBy(z => Key(z.SkuId, z.Reasons)).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(z => z.MonthlyCost ?? 0m)));
        Assert.Equal(listed.OrderBy(e => e.Key), measured.Zombies.ToDictionary(t => Key(t.SkuId, t.Reasons), t => (t.Seats, t.MonthlyCost)).OrderBy(e => e.Key));
        Assert.True(measured.Zombies.Count < zombies.Count);
        Assert.Equal(zombies.Count, Assert.Single(measured.Utilization).AssignedToZombies);
        Assert.Empty(measured.Warnings);
    }

    [Theory]
    [InlineData(ZombieReason.Departed)]
    [InlineData(ZombieReason.Inactive)]
    [InlineData(ZombieReason.NeverSignedIn)]
    [InlineData(ZombieReason.Disabled)]
    public async Task AReasonFilterReportsOnlyUsersWithThatReason(ZombieReason reason)
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 300, Seed = 9 });
        using var fx = new EngineFixture(tenant: tenant);
        var now = tenant.Clock.UtcNow;
        var (zombies, _) = await fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { reason } });
        var expected = tenant.Store.Users.Where(u => reason switch
        {
            ZombieReason.Departed => WasteSteps.IsDeparted(u, now),
            ZombieReason.Disabled => !u.AccountEnabled,
            ZombieReason.NeverSignedIn => u.SignInActivity == null && u.CreatedDateTime <= now.AddDays(-90),
            _ => u.SignInActivity != null && WasteSteps.IsInactive(u, now),
        }).Select(u => u.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, zombies.Select(z => z.UserId).OrderBy(i => i));
        Assert.All(zombies, z => Assert.Contains(reason, z.Reasons));
    }

    [Fact]
    public async Task WithoutSignInActivityAccessItSaysWhatIsMissingAndStillReportsDisabledAndDeparted()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 300, Seed = 3 });
        var now = tenant.Clock.UtcNow;
        var expected = tenant.Store.Users.Where(u => !u.AccountEnabled || WasteSteps.IsDeparted(u, now)).Select(u => u.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(expected);

        using (var fx = new EngineFixture(tenant: tenant, principal: tenant.Without("AuditLog.Read.All")))
        {
            var (zombies, sink) = await fx.ZombiesAsync();
            var warning = Assert.Single(sink.Warnings);
            Assert.Contains("AuditLog.Read.All", warning);
            Assert.Contains("Inactive, NeverSignedIn", warning);
            Assert.Contains("Disabled and Departed are still reported", warning);
            Assert.Equal(expected, zombies.Select(z => z.UserId).OrderBy(i => i));
            Assert.All(zombies, z => Assert.Equal("Unavailable", z.LastSignInSource));
            Assert.DoesNotContain(zombies, z => z.Reasons.Contains(ZombieReason.Inactive) || z.Reasons.Contains(ZombieReason.NeverSignedIn));
        }

        var noP1 = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 300, Seed = 3, TenantHasEntraP1 = false });
        using (var fx = new EngineFixture(tenant: noP1))
        {
            var (zombies, sink) = await fx.ZombiesAsync();
            var warning = Assert.Single(sink.Warnings);
            Assert.Contains("Microsoft Entra ID P1", warning);
            Assert.Equal(expected.Count, zombies.Count);
        }
    }

    [Fact]
    public async Task WithoutLeaveDatesItSaysWhatIsMissingAndStillJudgesTheRest()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 300, Seed = 4 });
        var now = tenant.Clock.UtcNow;
        using var fx = new EngineFixture(tenant: tenant, principal: tenant.Without("User-LifeCycleInfo.Read.All", "User-LifeCycleInfo.ReadWrite.All"));
        var (zombies, sink) = await fx.ZombiesAsync();
        Assert.Contains("User-LifeCycleInfo.Read.All", Assert.Single(sink.Warnings));
        var expected = tenant.Store.Users.Where(u => !u.AccountEnabled || WasteSteps.IsInactive(u, now)).Select(u => u.Id).OrderBy(i => i).ToList();
        Assert.Equal(expected, zombies.Select(z => z.UserId).OrderBy(i => i));
        Assert.All(zombies, z => Assert.Null(z.EmployeeLeaveDateTime));
    }

    [Fact]
    public async Task GuestsAreLeftOutUnlessAskedFor()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 50, Seed = 2 });
        var e5 = tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E5");
        var guest = tenant.Store.AddUser("partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", u =>
        {
            u.UserType = "Guest";
            u.UsageLocation = "US";
            u.AccountEnabled = false;
        });
        tenant.Store.AssignLicense(guest.Id, e5.SkuId);
        using var fx = new EngineFixture(tenant: tenant);
        Assert.DoesNotContain((await fx.ZombiesAsync()).Zombies, z => z.UserId == guest.Id);
        var withGuests = (await fx.ZombiesAsync(new GetZombieLicenseRequest { IncludeGuests = true })).Zombies;
        Assert.Equal("Guest", Assert.Single(withGuests, z => z.UserId == guest.Id).UserType);
    }

    [Fact]
    public async Task BadInputGetsASpecificErrorAndNothingIsReadOrChanged()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 30 });
        using var fx = new EngineFixture(tenant: tenant);
        tenant.Statistics.Reset();
        foreach (var days in new[] { 0, -5, 3651 })
        {
            var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest { InactiveDays = days }, new CollectingSink()));
            Assert.Equal(ErrorIds.ZombieQueryInvalid, ex.Error.Id);
            Assert.Contains("-InactiveDays", ex.Error.Message);
        }

        Assert.Equal(0, tenant.Statistics.TotalRequests);
        // An unknown SKU is an error of its own (like an unknown tier name), and a listing narrowed to nothing lists nothing.
        var zombies = new CollectingSink();
        await fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E55" } }, zombies);
        var unknown = Assert.Single(zombies.Errors);
        Assert.Equal(ErrorIds.SkuNotFound, unknown.Id);
        Assert.Contains("SPE_E5", unknown.Message);
        Assert.Empty(zombies.Objects);
        var util = new CollectingSink();
        await fx.Engine.GetLicenseUtilizationAsync(new GetZombieLicenseRequest { Sku = new[] { "NOPE" } }, util);
        Assert.Equal(ErrorIds.SkuNotFound, Assert.Single(util.Errors).Id);
        Assert.Empty(util.Objects);
        Assert.Equal(0, tenant.Statistics.Writes);
        Assert.Equal(0, tenant.Statistics.CountFor("GET /users"));
    }

    [Fact]
    public async Task ResultsStreamAsPagesArrive()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 1200, Seed = 6 });
        using var fx = new EngineFixture(tenant: tenant);
        tenant.Statistics.Reset();
        var pagesAtFirst = -1;
        var sink = new CollectingSink();
        sink.OnObject = _ =>
        {
            if (pagesAtFirst < 0)
            {
                pagesAtFirst = tenant.Statistics.CountFor("GET /users");
            }
        };
        await fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), sink);
        Assert.Equal((int)Math.Ceiling(1200 / 500.0), tenant.Statistics.CountFor("GET /users"));
        Assert.Equal(1, pagesAtFirst);
        Assert.Contains(sink.Progress, p => p.ActivityId == ProgressActivity.ListUsers && p.PercentComplete > 0 && p.PercentComplete < 100);
    }

    [Fact]
    public async Task ATokenThatCannotReadUsersIsRefusedForThatAlone()
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 30 });
        using var fx = new EngineFixture(tenant: tenant, principal: tenant.Without("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"));
        var sink = new CollectingSink();
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), sink));
        Assert.Equal(ErrorIds.PermissionDenied, ex.Error.Id);
        Assert.Contains("User.Read.All", ex.Error.Message);
        Assert.Empty(sink.Warnings);
    }
}
