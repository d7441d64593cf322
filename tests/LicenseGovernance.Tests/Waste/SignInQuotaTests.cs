using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Waste;

/// <summary>Zombie scans against Graph's signInActivity limits: pages of 500, ten reads a minute, and the server-side filter.</summary>
public sealed class SignInQuotaTests
{
    private static SimulatedTenant Tenant(int users, double departed = 0.12, double inactive = 0.27) =>
        ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = users, Seed = 11, DepartedShare = departed, InactiveShare = inactive });

    [Fact]
    public async Task AScanOverTheQuotaWaitsForItInsteadOfFailing_AndSaysHowLongItHasLeft()
    {
        // 6,000 users are twelve pages of 500: two more than the quota holds.
        var tenant = Tenant(6000);
        using var fx = new EngineFixture(tenant: tenant);
        tenant.Statistics.Reset();
        var started = tenant.Clock.UtcNow;

        var (zombies, sink) = await fx.ZombiesAsync();

        var now = tenant.Clock.UtcNow;
        Assert.Equal(tenant.Store.Users.Count(u => WasteSteps.IsZombie(u, started)), zombies.Select(z => z.UserId).Distinct().Count());
        Assert.Equal(12, tenant.Statistics.CountFor("GET /users"));
        // The budget kept the scan inside the quota: no request was refused, and the two reads past it waited six seconds each.
        Assert.Equal(0, tenant.Statistics.Throttled);
        Assert.InRange(now - started, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13));
        Assert.Contains(sink.Progress, p => p.Status.Contains("left at Graph's signInActivity quota (10 reads per 60 s)"));
    }

    [Fact]
    public async Task RemovingDisabledAndDepartedLicences_ReadsNoSignInActivity()
    {
        var tenant = Tenant(600);
        using var fx = new EngineFixture(tenant: tenant);
        var zombies = (await fx.ZombiesAsync()).Zombies;
        var gone = zombies.Where(z => z.Reasons.Count > 0 && z.Reasons.All(r => r is ZombieReason.Disabled or ZombieReason.Departed)).ToList();
        var quiet = zombies.Where(z => z.Reasons.Contains(ZombieReason.Inactive)).Take(3).ToList();

        var (goneResults, _, goneSink) = await fx.RemoveAsync(gone);
        var (quietResults, _, quietSink) = await fx.RemoveAsync(quiet);

        Assert.NotEmpty(gone);
        Assert.Contains(goneResults, r => r.Outcome == ZombieRemovalOutcome.Removed);
        Assert.DoesNotContain(goneResults, r => r.Outcome == ZombieRemovalOutcome.Failed);
        Assert.DoesNotContain(goneSink.Verbose, l => l.StartsWith("GET", StringComparison.Ordinal) && l.Contains("signInActivity"));
        // Inactive licences are judged again on sign-ins before they go.
        Assert.Contains(quietResults, r => r.Outcome == ZombieRemovalOutcome.Removed);
        Assert.Contains(quietSink.Verbose, l => l.StartsWith("GET", StringComparison.Ordinal) && l.Contains("signInActivity"));
    }

    [Fact]
    public async Task WhenGraphsBucketIsSmallerThanTheBudgetKnows_Every429IsWaitedOutAndNoReadFails()
    {
        var tenant = Tenant(3000);
        using var fx = new EngineFixture(tenant: tenant);
        var expected = (await fx.ZombiesAsync()).Zombies.Count;
        // Another app (or a changed quota) leaves this session three reads a minute where it counts on ten.
        tenant.Options.Throttling = new ThrottlingOptions { SignInActivityReadsPerMinute = 3 };
        tenant.Statistics.Reset();

        var (zombies, sink) = await fx.ZombiesAsync();

        Assert.Empty(sink.Errors);
        Assert.Equal(expected, zombies.Count);
        Assert.True(tenant.Statistics.Throttled > 0, "Graph should have refused some reads");
        Assert.Contains(sink.Verbose, line => line.Contains("-> 429"));
    }

    [Fact]
    public async Task OnlyInactiveWanted_GraphFiltersOnSignInActivity_AndTheResultIsTheFullScansInactiveLicences()
    {
        // A tenant where one user in ten has gone quiet: the filters read a fraction of the pages.
        var tenant = Tenant(3000, departed: 0.03, inactive: 0.07);
        using var fx = new EngineFixture(tenant: tenant);
        var full = (await fx.ZombiesAsync()).Zombies.Where(z => z.Reasons.Contains(ZombieReason.Inactive)).Select(z => (z.UserId, z.SkuId)).OrderBy(k => k).ToList();
        tenant.Statistics.Reset();

        var (inactive, sink) = await fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { ZombieReason.Inactive } });

        Assert.NotEmpty(full);
        Assert.Equal(full, inactive.Select(z => (z.UserId, z.SkuId)).OrderBy(k => k).ToList());
        var listings = sink.Verbose.Where(l => l.StartsWith("GET") && l.Contains("/users?")).ToList();
        Assert.All(listings, l => Assert.Contains("signInActivity/", Uri.UnescapeDataString(l)));
        Assert.Contains(listings, l => Uri.UnescapeDataString(l).Contains("signInActivity/lastSuccessfulSignInDateTime le "));
        // Three filtered listings, four pages (the one on interactive sign-ins also finds the users who sign in only
        // non-interactively, a ninth of the rest), where the full scan takes six.
        Assert.Equal(4, tenant.Statistics.CountFor("GET /users"));
    }

    [Fact]
    public async Task OnlyInactiveWanted_InDocumentOnesTenantTheFilteredListingsFindTheSameLicences()
    {
        // 39% of the users have gone quiet here, and many before Graph recorded successful sign-ins: the filters cannot
        // narrow much, but they must not lose anyone the rule calls inactive.
        var tenant = Tenant(3000);
        using var fx = new EngineFixture(tenant: tenant);
        var full = (await fx.ZombiesAsync()).Zombies.Where(z => z.Reasons.Contains(ZombieReason.Inactive)).Select(z => (z.UserId, z.SkuId)).OrderBy(k => k).ToList();

        var (inactive, _) = await fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { ZombieReason.Inactive } });

        Assert.Equal(full, inactive.Select(z => (z.UserId, z.SkuId)).OrderBy(k => k).ToList());
    }

    [Fact]
    public async Task WithAnyOtherReason_TheListingIsNotFilteredOnSignInActivity()
    {
        var tenant = Tenant(1200);
        using var fx = new EngineFixture(tenant: tenant);
        var (_, sink) = await fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { ZombieReason.Inactive, ZombieReason.NeverSignedIn }, Sku = new[] { "SPE_E5" } });

        var listings = sink.Verbose.Where(l => l.StartsWith("GET") && l.Contains("/users?")).Select(Uri.UnescapeDataString).ToList();
        Assert.NotEmpty(listings);
        Assert.All(listings, l => Assert.DoesNotContain("signInActivity/", l));
        Assert.Contains(listings, l => l.Contains("assignedLicenses/any"));
    }
}
