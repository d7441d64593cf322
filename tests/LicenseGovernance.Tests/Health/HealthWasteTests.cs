using LicenseGovernance.Engine.Health;
using LicenseGovernance.Engine.Waste;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>How the waste scan's rows become the score's waste input.</summary>
public class HealthWasteTests
{
    private static LicenseUtilization Row(string part, int purchased, int available, int zombies, decimal price, string currency) => new LicenseUtilization
    {
        SkuId = Guid.NewGuid(), SkuPartNumber = part, Purchased = purchased, Assigned = purchased - available, Available = available, AssignedToZombies = zombies,
        MonthlyPrice = price, Currency = currency, PurchasedMonthlyCost = price * purchased, UnassignedMonthlyCost = price * available, ZombieMonthlyCost = price * zombies,
    };

    /// <summary>
    /// Amounts in yen and dollars cannot be compared, so the help's rule is the currency that buys the most seats: 100 E5 seats
    /// priced in USD outweigh 5 Visio seats priced in JPY, even though 5 × JPY 1,500 is a larger number than 100 × USD 57.
    /// </summary>
    [Fact]
    public void WithPricesInSeveralCurrenciesTheOneThatBuysTheMostSeatsCounts()
    {
        var waste = new WasteMeasurement(new[]
        {
            Row("SPE_E5", 100, 10, 20, 57m, "USD"),
            Row("VISIOCLIENT", 5, 1, 0, 1500m, "JPY"),
        }, Array.Empty<ZombieLicense>(), Array.Empty<string>());

        var input = HealthWaste.Input(waste);
        Assert.Equal("USD", input.Currency);
        Assert.Equal(5700m, input.PurchasedMonthlyCost);
        Assert.Equal(570m + 1140m, input.UnassignedMonthlyCost + input.ZombieMonthlyCost);
        Assert.Equal(1, input.UnpricedSkus);
    }
}
