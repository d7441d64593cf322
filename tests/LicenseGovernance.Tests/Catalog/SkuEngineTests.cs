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
