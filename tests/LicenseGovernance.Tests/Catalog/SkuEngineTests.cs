using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Catalog;

public sealed class SkuEngineTests
{
    [Fact]
    public async Task SkusComeFromTheTenantWithFriendlyNamesSeatsAndListPrices()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);

        var skus = sink.Of<LicenseSku>().ToList();
        var tenantSkus = fx.Tenant.Store.Skus.ToList();
        Assert.Equal(tenantSkus.Count, skus.Count);
        var e3 = skus.Single(s => s.SkuPartNumber == "SPE_E3");
        Assert.Equal(Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965"), e3.SkuId);
        Assert.Equal("Microsoft 365 E3", e3.ProductName);
        Assert.Equal(e3.EnabledUnits - e3.ConsumedUnits, e3.AvailableUnits);
        Assert.Contains(e3.ServicePlans, p => p.ServicePlanName == "EXCHANGE_S_ENTERPRISE" && p.FriendlyName != null);
        Assert.NotNull(e3.MonthlyPrice);
        Assert.Equal("BuiltIn", e3.PriceSource);
        Assert.Empty(sink.Errors);
    }

    [Fact]
    public async Task SkusAreFoundByPartNumberIdOrProductNameAndUnknownOnesNameTheClosest()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest { Sku = new[] { "spe_e5", "05e9a617-0261-4cee-bb44-138d3ef5d965", "Power BI Pro", "SPE_E55" } }, sink);

        Assert.Equal(new[] { "SPE_E5", "SPE_E3", "POWER_BI_PRO" }, sink.Of<LicenseSku>().Select(s => s.SkuPartNumber));
        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.SkuNotFound, error.Id);
        Assert.Contains("SPE_E5", error.Message);
    }

    [Fact]
    public async Task WildcardsMatchPartNumbersAndProductNamesAndOneMatchingNothingSaysSo()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest { Sku = new[] { "spe_*", "*Power BI*", "SPE_E3", "XYZ_*" } }, sink);

        var found = sink.Of<LicenseSku>().Select(s => s.SkuPartNumber).ToList();
        Assert.Equal(found.Distinct(), found);
        Assert.Equal(fx.Tenant.Store.Skus.Where(s => s.SkuPartNumber.StartsWith("SPE_", StringComparison.Ordinal)).Select(s => s.SkuPartNumber).OrderBy(n => n),
            found.Where(n => n.StartsWith("SPE_", StringComparison.Ordinal)).OrderBy(n => n));
        Assert.Contains("POWER_BI_PRO", found);
        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.SkuPatternMatchesNothing, error.Id);
        Assert.Contains("'XYZ_*'", error.Message);
    }

    [Fact]
    public async Task AZombieListingNarrowedToUnknownSkusListsNothingAndSaysWhy()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E55", "NOPE_*" } }, sink);

        Assert.Empty(sink.Of<ZombieLicense>());
        Assert.Equal(new[] { ErrorIds.SkuNotFound, ErrorIds.SkuPatternMatchesNothing }, sink.Errors.Select(e => e.Id));
    }

    [Fact]
    public async Task AZombieListingNarrowedByAWildcardKeepsOnlyItsSkus()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_*" } }, sink);

        var zombies = sink.Of<ZombieLicense>().ToList();
        Assert.NotEmpty(zombies);
        Assert.All(zombies, z => Assert.StartsWith("SPE_", z.SkuPartNumber));
        Assert.Empty(sink.Errors);
    }

    [Fact]
    public async Task ASkuNoCatalogueKnowsShowsItsPartNumberFlaggedAndWarned()
    {
        using var fx = new EngineFixture();
        fx.Tenant.Store.AddSku(new LicenseGovernance.Simulator.Model.SimulatedSku { SkuId = Guid.NewGuid(), SkuPartNumber = "CONTOSO_REGIONAL_TRIAL", PrepaidEnabled = 5 });
        var sink = new CollectingSink();

        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);

        var skus = sink.Of<LicenseSku>().ToList();
        var trial = skus.Single(s => s.SkuPartNumber == "CONTOSO_REGIONAL_TRIAL");
        Assert.Equal("CONTOSO_REGIONAL_TRIAL", trial.ProductName);
        Assert.False(trial.InCatalog);
        Assert.All(skus.Where(s => s != trial), s => Assert.True(s.InCatalog));
        var warning = Assert.Single(sink.Warnings);
        Assert.Contains("CONTOSO_REGIONAL_TRIAL", warning);
        Assert.Contains("not in the SKU catalogue", warning);

        var zombies = new CollectingSink();
        await fx.Engine.GetLicenseUtilizationAsync(new GetZombieLicenseRequest { Sku = new[] { "CONTOSO_REGIONAL_TRIAL" } }, zombies);
        Assert.Equal("CONTOSO_REGIONAL_TRIAL", Assert.Single(zombies.Of<LicenseUtilization>()).ProductName);
    }

    [Fact]
    public async Task ATokenWithoutTheSkuPermissionGetsAnErrorNamingIt()
    {
        var tenant = LicenseGovernance.Simulator.SimulatedTenant.CreateDemo(new LicenseGovernance.Simulator.DemoTenantOptions { UserCount = 50 });
        var principal = new LicenseGovernance.Simulator.SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "User.Read.All" });
        using var fx = new EngineFixture(tenant: tenant, principal: principal);

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), new CollectingSink()));

        Assert.Equal(ErrorIds.PermissionDenied, ex.Error.Id);
        Assert.Contains("LicenseAssignment.Read.All", ex.Message);
    }

    [Fact]
    public async Task NothingWorksBeforeConnecting()
    {
        var engine = new LicenseGovernance.Engine.GovernanceEngine(new LicenseGovernance.Engine.EngineOptions { SettingsDirectory = Path.GetTempPath() });

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => engine.GetSkusAsync(new GetLicenseSkuRequest(), new CollectingSink()));

        Assert.Equal(ErrorIds.NotConnected, ex.Error.Id);
        Assert.Null(engine.Context);
        Assert.False(engine.Disconnect());
    }

    [Fact]
    public async Task VerboseLogsEachRequestAndNoToken()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);

        var line = Assert.Single(sink.Verbose, v => v.Contains("/subscribedSkus"));
        Assert.Contains("GET", line);
        Assert.Contains("200", line);
        Assert.DoesNotContain(sink.Verbose, v => v.Contains("Bearer") || v.Contains("eyJ"));
    }

    [Fact]
    public async Task GraphThatKeepsThrottlingAfterEveryRetryGivesTheThrottledError()
    {
        using var fx = new EngineFixture(users: 50);
        fx.Tenant.Faults.Add(LicenseGovernance.Simulator.Faults.FaultRule.TooManyRequests(TimeSpan.FromSeconds(1)));

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), new CollectingSink()));

        Assert.Equal(ErrorIds.Throttled, ex.Error.Id);
        Assert.Contains("Retry-After 1 s", ex.Error.Message);
    }
}
