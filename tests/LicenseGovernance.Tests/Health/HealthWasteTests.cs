using LicenseGovernance.Engine.Health;
using LicenseGovernance.Engine.Kernel;
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
        }, Array.Empty<ZombieTally>(), Array.Empty<string>());

        var input = HealthWaste.Input(waste);
        Assert.Equal("USD", input.Currency);
        Assert.Equal(5700m, input.PurchasedMonthlyCost);
        Assert.Equal(570m + 1140m, input.UnassignedMonthlyCost + input.ZombieMonthlyCost);
        Assert.Equal(1, input.UnpricedSkus);
    }
}

/// <summary>How one user's licence states are counted for the score.</summary>
public class HealthUserCountTests
{
    /// <summary>
    /// A user in two groups that both give E5, both failing for want of seats, has one E5 in error, not two: the errors are
    /// counted per user and SKU, as the help and the inputs say.
    /// </summary>
    [Fact]
    public void ASkuInErrorFromTwoGroupsIsOneError()
    {
        var e5 = new LicenseSku { SkuId = Guid.NewGuid(), SkuPartNumber = "SPE_E5" };
        var visio = new LicenseSku { SkuId = Guid.NewGuid(), SkuPartNumber = "VISIOCLIENT" };
        string a = Guid.NewGuid().ToString(), b = Guid.NewGuid().ToString();
        var user = new Microsoft.Graph.Models.User
        {
            Id = Guid.NewGuid().ToString(),
            LicenseAssignmentStates = new List<Microsoft.Graph.Models.LicenseAssignmentState>
            {
                new() { SkuId = e5.SkuId, AssignedByGroup = a, State = "Error", Error = "CountViolation" },
                new() { SkuId = e5.SkuId, AssignedByGroup = b, State = "Error", Error = "CountViolation" },
                new() { SkuId = visio.SkuId, AssignedByGroup = b, State = "Error", Error = "CountViolation" },
            },
        };
        var inputs = new HealthInputs();

        HealthMeasurer.CountUser(user, new[] { e5, visio }, new Dictionary<string, string> { [a] = "A", [b] = "B" }, new HashSet<Guid>(), inputs);

        Assert.Equal(1, inputs.UsersInError);
        Assert.Equal(2, inputs.ErrorsByType["CountViolation"]);
    }
}
