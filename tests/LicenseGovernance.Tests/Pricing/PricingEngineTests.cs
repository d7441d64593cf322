using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Pricing;

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

    [Theory]
    [InlineData(-5)]
    [InlineData(-0.01)]
    public async Task ANegativePriceIsRefusedByTheCheckTheCmdletMakesBeforeAsking(double monthly)
    {
        using var fx = new EngineFixture();
        var request = new SetPriceRequest { Sku = "SPE_E5", MonthlyPrice = (decimal)monthly, Currency = "USD" };

        var refused = await RefusedAlikeAsync(fx, () => fx.Engine.CheckPriceAsync(request, new CollectingSink()), () => fx.Engine.SetPriceAsync(request, new CollectingSink()));

        Assert.Equal(ErrorIds.PriceInvalid, refused.Error.Id);
        Assert.Contains("negative", refused.Message);
    }

    [Fact]
    public async Task ZeroIsThePriceOfAFreeSku()
    {
        using var fx = new EngineFixture();
        var request = new SetPriceRequest { Sku = "Microsoft 365 E5", MonthlyPrice = 0m, Currency = "usd" };

        Assert.Equal("SPE_E5", await fx.Engine.CheckPriceAsync(request, new CollectingSink()));
        Assert.Equal(0m, (await fx.Engine.SetPriceAsync(request, new CollectingSink())).MonthlyPrice);
    }

    [Fact]
    public async Task APriceFileWithANegativePriceIsRefusedByTheCheckAsByTheImport()
    {
        using var fx = new EngineFixture();
        var request = new ImportPriceRequest { Path = await CsvAsync(fx, "Sku,MonthlyPrice,Currency\nSPE_E3,30,USD\nSPE_E5,-5,USD\n") };

        var refused = await RefusedAlikeAsync(fx, () => fx.Engine.CheckPriceFileAsync(request, new CollectingSink()), () => fx.Engine.ImportPricesAsync(request, new CollectingSink()));

        Assert.Equal(ErrorIds.PriceFileInvalid, refused.Error.Id);
        Assert.Contains("line 3: the monthly price -5 is negative", refused.Message);
    }

    [Fact]
    public async Task TheFileCheckListsThePricesAnImportWouldKeepAndSavesNothing()
    {
        using var fx = new EngineFixture();
        var csv = await CsvAsync(fx, "Sku,MonthlyPrice,Currency\nSPE_E3,30,USD\nFLOW_FREE,0,USD\n");

        var prices = await fx.Engine.CheckPriceFileAsync(new ImportPriceRequest { Path = csv }, new CollectingSink());

        Assert.Equal(new[] { 30m, 0m }, prices.Select(p => p.MonthlyPrice));
        Assert.False(File.Exists(PricesFile(fx)));
    }

    [Fact]
    public async Task SkuNamesResolveFromTheCatalogueWhileNotConnected()
    {
        var engine = new LicenseGovernance.Engine.GovernanceEngine(new LicenseGovernance.Engine.EngineOptions { SettingsDirectory = Path.Combine(Path.GetTempPath(), "lg-" + Guid.NewGuid().ToString("N")) });

        Assert.Equal("ENTERPRISEPACK", await engine.ResolveSkuNameAsync("Office 365 E3", new CollectingSink()));
        Assert.Equal("SPE_E5", await engine.ResolveSkuNameAsync("06ebc4ee-1bb5-47dd-8120-11324bc54e06", new CollectingSink()));
    }

    [Fact]
    public async Task ImportedPricesReachTheTenantsSkusAndGetPricesFiltersAndNamesUnknownOnes()
    {
        using var fx = new EngineFixture();
        var csv = Path.Combine(fx.SettingsDirectory, "in.csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        await File.WriteAllTextAsync(csv, "Sku,MonthlyPrice,Currency\nSPE_E3,33.10,EUR\nPOWER_BI_PRO,9.99,EUR\n");
        var import = new CollectingSink();

        await fx.Engine.ImportPricesAsync(new ImportPriceRequest { Path = csv }, import);
        var skus = new CollectingSink();
        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest { Sku = new[] { "SPE_E3" } }, skus);
        var prices = new CollectingSink();
        await fx.Engine.GetPricesAsync(new GetPriceRequest { Sku = new[] { "power bi pro", "SPE_E33" } }, prices);

        Assert.Equal(new[] { "SPE_E3", "POWER_BI_PRO" }, import.Of<LicensePrice>().Select(p => p.SkuPartNumber));
        var e3 = Assert.Single(skus.Of<LicenseSku>());
        Assert.Equal(33.10m, e3.MonthlyPrice);
        Assert.Equal("EUR", e3.Currency);
        Assert.Contains(prices.Of<LicensePrice>(), p => p.SkuPartNumber == "POWER_BI_PRO" && p.MonthlyPrice == 9.99m && p.Source == "User");
        var error = Assert.Single(prices.Errors);
        Assert.Equal(ErrorIds.SkuNotFound, error.Id);
        Assert.Contains("SPE_E3", error.Message);
    }

    [LicenseGovernance.Tests.Catalog.LicensingCsvFact]
    public async Task AnImportedCatalogueNamesTenantSkusForTheSessionOrPersistently()
    {
        using var fx = new EngineFixture();

        var session = await fx.Engine.ImportCatalogAsync(new ImportCatalogRequest { Path = LicenseGovernance.Tests.Catalog.SharedData.LicensingCsvPath! }, new CollectingSink());
        var persisted = await fx.Engine.ImportCatalogAsync(new ImportCatalogRequest { Path = LicenseGovernance.Tests.Catalog.SharedData.LicensingCsvPath!, Persist = true }, new CollectingSink());
        var skus = new CollectingSink();
        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), skus);

        Assert.Equal("Session", session.Scope);
        Assert.Null(session.SavedTo);
        Assert.Equal("Persistent", persisted.Scope);
        Assert.True(File.Exists(persisted.SavedTo));
        Assert.True(session.SkuCount > 100);
        Assert.All(skus.Of<LicenseSku>(), s => Assert.False(string.IsNullOrEmpty(s.ProductName)));
    }

    private static string PricesFile(EngineFixture fx) => Path.Combine(fx.SettingsDirectory, "prices.json");

    private static async Task<string> CsvAsync(EngineFixture fx, string text)
    {
        Directory.CreateDirectory(fx.SettingsDirectory);
        var csv = Path.Combine(fx.SettingsDirectory, "in.csv");
        await File.WriteAllTextAsync(csv, text);
        return csv;
    }

    /// <summary>The check the cmdlet makes before asking refuses exactly as the change itself does, and nothing is saved.</summary>
    private static async Task<LicenseGovernanceException> RefusedAlikeAsync(EngineFixture fx, Func<Task> check, Func<Task> change)
    {
        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(check);
        Assert.Equal(refused.Message, (await Assert.ThrowsAsync<LicenseGovernanceException>(change)).Message);
        Assert.False(File.Exists(PricesFile(fx)));
        return refused;
    }
}
