using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Xunit;

namespace LicenseGovernance.Tests.Engine;

public sealed class PricingEngineTests
{
    [Fact]
    public async Task YourPriceOverridesTheListPriceAndIsKeptInTheSettingsFolder()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        var price = await fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "Microsoft 365 E5", MonthlyPrice = 49.5m, Currency = "eur" }, sink);
        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest { Sku = new[] { "SPE_E5" } }, sink);

        Assert.Equal("SPE_E5", price.SkuPartNumber);
        Assert.Equal("EUR", price.Currency);
        var sku = sink.Of<LicenseSku>().Single();
        Assert.Equal(49.5m, sku.MonthlyPrice);
        Assert.Equal("User", sku.PriceSource);
        Assert.True(File.Exists(Path.Combine(fx.SettingsDirectory, "prices.json")));
    }

    [Fact]
    public async Task UnknownSkuIsRefusedBeforeAnythingIsSaved()
    {
        using var fx = new EngineFixture();

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            fx.Engine.SetPriceAsync(new SetPriceRequest { Sku = "SPE_E9", MonthlyPrice = 1, Currency = "USD" }, new CollectingSink()));

        Assert.Equal(ErrorIds.SkuNotFound, ex.Error.Id);
        Assert.False(File.Exists(Path.Combine(fx.SettingsDirectory, "prices.json")));
    }

    [Fact]
    public async Task SkuNamesResolveFromTheCatalogueWhileNotConnected()
    {
        var engine = new LicenseGovernance.Engine.GovernanceEngine(new LicenseGovernance.Engine.EngineOptions { SettingsDirectory = Path.Combine(Path.GetTempPath(), "lg-" + Guid.NewGuid().ToString("N")) });

        Assert.Equal("ENTERPRISEPACK", await engine.ResolveSkuNameAsync("Office 365 E3", new CollectingSink()));
        Assert.Equal("SPE_E5", await engine.ResolveSkuNameAsync("06ebc4ee-1bb5-47dd-8120-11324bc54e06", new CollectingSink()));
    }
}
