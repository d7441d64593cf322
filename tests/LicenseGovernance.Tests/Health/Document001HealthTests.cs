using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>Source document 001's tenant (1,000 users on E5, 12% departed, 27% inactive, 25 spare seats) through Get-LicenseHealth.</summary>
public sealed class Document001HealthTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(tenant: ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions()));

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task TheWasteShareIsTheZombieAndSpareSeatsOverTheSeatsBought_AndEveryThirdLicenseIsDirect()
    {
        var zombies = new CollectingSink();
        await _fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), zombies);
        var zombieSeats = zombies.Of<ZombieLicense>().Count();
        var health = new CollectingSink();

        await _fx.Engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), health);

        var result = Assert.Single(health.Of<LicenseHealth>());
        var waste = result.Components.Single(c => c.Name == "Waste");
        // 1,025 seats at USD 60: the 25 spare ones and every zombie's are wasted.
        Assert.Equal(1025m * 60m, waste.OutOf);
        Assert.Equal((25m + zombieSeats) * 60m, waste.Affected);
        Assert.InRange(zombieSeats, 380, 400); // 12% + 27% of 1,000, counted from the tenant
        Assert.Equal(0.0, waste.Points);       // beyond the 40% at which waste gives nothing
        Assert.Equal(waste.Affected, result.MonthlyWaste);

        var direct = result.Components.Single(c => c.Name == "DirectAssignments");
        var held = _fx.Tenant.Store.Users.Count(u => u.LicenseAssignmentStates.Count > 0);
        Assert.Equal(held, (int)direct.OutOf);
        Assert.Equal(_fx.Tenant.Store.Users.Count(u => u.LicenseAssignmentStates.Any(s => s.AssignedByGroup == null)), (int)direct.Affected);
        Assert.InRange(direct.Value, 0.32, 0.35);

        var ungoverned = result.Components.Single(c => c.Name == "Ungoverned");
        Assert.Equal((1m, 1m), (ungoverned.Affected, ungoverned.OutOf)); // the E5 group has no owner, and there are no access packages
        Assert.Equal((int)Math.Round(100.0 * result.Components.Sum(c => c.Weight * (1 - Math.Min(1, c.Value / c.ZeroAt))) / 100, MidpointRounding.AwayFromZero), result.Score);
    }

    [Fact]
    public async Task WithoutSignInActivityTheWasteComponentStillCountsDepartedAndDisabledAndSaysSoOnce()
    {
        using var fx = new EngineFixture(tenant: ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { TenantHasEntraP1 = false }));
        var sink = new CollectingSink();

        await fx.Engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), sink);

        var health = Assert.Single(sink.Of<LicenseHealth>());
        var waste = health.Components.Single(c => c.Name == "Waste");
        Assert.True(waste.Measured);
        Assert.True(waste.Affected > 25m * 60m, "departed and disabled users' seats are still counted");
        var signIn = Assert.Single(sink.Warnings, w => w.Contains("sign-in", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(signIn, health.Warnings);
        Assert.Contains(sink.Progress, p => p.ActivityId == ProgressActivity.ListUsers);
    }
}
