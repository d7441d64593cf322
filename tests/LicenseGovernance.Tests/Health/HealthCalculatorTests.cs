using LicenseGovernance.Engine.Health;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>The score as a pure function of measured inputs.</summary>
public class HealthCalculatorTests
{
    private static HealthInputs Clean() => new HealthInputs
    {
        MeasuredAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        Waste = new WasteInput { PurchasedMonthlyCost = 1000m, Currency = "USD" },
        LicensedUsers = 100,
        LicenseAssignments = 100,
        PackageAssignments = 10,
        PackageAssignmentsWithoutEnd = 0,
        LicensedGroups = 3,
        LicensedGroupsWithoutOwner = 0,
        Tiers = 3,
        TierUsers = 100,
    };

    private static LicenseHealthComponent Component(LicenseHealth health, string name) => health.Components.Single(c => c.Name == name);

    [Fact]
    public void TheWeightsAddUpTo100()
    {
        Assert.Equal(100, HealthCalculator.Table.Sum(t => t.Weight));
        Assert.Equal(5, HealthCalculator.Calculate(Clean()).Components.Count);
    }

    [Fact]
    public void ATenantWithNothingWrongScores100()
    {
        var health = HealthCalculator.Calculate(Clean());
        Assert.Equal(100, health.Score);
        Assert.Equal("A", health.Grade);
        Assert.All(health.Components, c => Assert.Equal(c.Weight, c.Points));
    }

    [Fact]
    public void EachComponentGivesItsWeightTimesOneMinusValueOverZeroAt()
    {
        var inputs = Clean();
        inputs.Waste = new WasteInput { PurchasedMonthlyCost = 1000m, UnassignedMonthlyCost = 120m, ZombieMonthlyCost = 80m, Currency = "USD" }; // 20% of 40%: half of 35
        inputs.UsersInError = 1;                          // 1% of 5%: 0.8 of 20
        inputs.DirectAssignments = 50;                    // 50% of 100%: half of 20
        inputs.PackageAssignmentsWithoutEnd = 2;          // (2 + 1) of (10 + 3) = 23.08%: 0.769 of 15
        inputs.LicensedGroupsWithoutOwner = 1;
        inputs.ConflictingTierUsers = 20;                 // 20% beyond 10%: nothing

        var health = HealthCalculator.Calculate(inputs);

        Assert.Equal(17.5, Component(health, "Waste").Points);
        Assert.Equal(0.2, Component(health, "Waste").Value, 10);
        Assert.Equal(200m, Component(health, "Waste").Affected);
        Assert.Equal(16.0, Component(health, "LicenseErrors").Points);
        Assert.Equal(10.0, Component(health, "DirectAssignments").Points);
        Assert.Equal(3m, Component(health, "Ungoverned").Affected);
        Assert.Equal(13m, Component(health, "Ungoverned").OutOf);
        Assert.Equal(11.5, Component(health, "Ungoverned").Points);
        Assert.Equal(0.0, Component(health, "ConflictingTiers").Points);
        // 17.5 + 16 + 10 + 15 × (1 − 3/13) + 0 = 55.04: the score adds the unrounded points.
        Assert.Equal(55, health.Score);
        Assert.Equal("D", health.Grade);
        Assert.Equal(200m, health.MonthlyWaste);
        Assert.Equal(1000m, health.MonthlySpend);
    }

    [Fact]
    public void AComponentThatCouldNotBeMeasuredIsLeftOutOfTheWeights()
    {
        var inputs = Clean();
        inputs.Waste = null;
        inputs.DirectAssignments = 100; // 0 of 20
        inputs.Warnings.Add("The waste scan did not run.");

        var health = HealthCalculator.Calculate(inputs);

        var waste = Component(health, "Waste");
        Assert.False(waste.Measured);
        Assert.Null(waste.Points);
        // (20 + 0 + 15 + 10) of the 65 measured points.
        Assert.Equal(69, health.Score);
        Assert.Contains("The waste scan did not run.", health.Warnings);
    }

    [Fact]
    public void UngovernedCountsWhatCouldBeReadWhenOnePartIsMissing()
    {
        var inputs = Clean();
        inputs.PackageAssignments = null;
        inputs.PackageAssignmentsWithoutEnd = null;
        inputs.LicensedGroupsWithoutOwner = 3;

        var component = Component(HealthCalculator.Calculate(inputs), "Ungoverned");

        Assert.True(component.Measured);
        Assert.Equal((3m, 3m, 0.0), (component.Affected, component.OutOf, component.Points!.Value));
        Assert.Contains("access package assignments not read", component.Detail);

        inputs.LicensedGroupsWithoutOwner = null;
        Assert.False(Component(HealthCalculator.Calculate(inputs), "Ungoverned").Measured);
    }

    [Fact]
    public void NothingToLookAtGivesFullPoints()
    {
        var empty = new HealthInputs { Waste = new WasteInput(), PackageAssignments = 0, PackageAssignmentsWithoutEnd = 0, LicensedGroupsWithoutOwner = 0 };
        var health = HealthCalculator.Calculate(empty);
        Assert.Equal(100, health.Score);
        Assert.Contains("No tier groups", Component(health, "ConflictingTiers").Detail);
        Assert.Contains("No priced seats", Component(health, "Waste").Detail);

        // Errors, direct assignments and tiers come from the user pass and are always measured.
        var none = HealthCalculator.Calculate(new HealthInputs());
        Assert.Equal(new[] { "LicenseErrors", "DirectAssignments", "ConflictingTiers" }, none.Components.Where(c => c.Measured).Select(c => c.Name));
        Assert.Equal(100, none.Score);
    }

    [Theory]
    [InlineData(100, "A")]
    [InlineData(90, "A")]
    [InlineData(89, "B")]
    [InlineData(75, "B")]
    [InlineData(74, "C")]
    [InlineData(60, "C")]
    [InlineData(59, "D")]
    [InlineData(40, "D")]
    [InlineData(39, "F")]
    [InlineData(0, "F")]
    public void Grades(int score, string grade) => Assert.Equal(grade, HealthCalculator.Grade(score));

    [Fact]
    public void EveryComponentNamesTheCommandThatFixesIt()
    {
        var health = HealthCalculator.Calculate(Clean());
        Assert.Contains("Remove-ZombieLicense", Component(health, "Waste").FixedBy);
        Assert.Contains("Invoke-LicenseReprocess", Component(health, "LicenseErrors").FixedBy);
        Assert.Contains("Move-DirectToGroupLicense", Component(health, "DirectAssignments").FixedBy);
        Assert.Contains("Add-TierAssignment -EndDate", Component(health, "Ungoverned").FixedBy);
        Assert.Contains("Remove-TierAssignment", Component(health, "ConflictingTiers").FixedBy);
    }

    /// <summary>The help states the formula; this keeps its table and the code the same.</summary>
    [Fact]
    public void TheHelpDocumentsTheFormulaAsComputed()
    {
        var help = File.ReadAllText(Path.Combine(HealthPaths.RepoRoot, "docs", "help", "Get-LicenseHealth.md"));
        foreach (var (name, weight, zeroAt) in HealthCalculator.Table)
        {
            Assert.Contains($"| {name} | {weight} | {zeroAt * 100:0.#}% |", help);
        }

        Assert.Contains("Weight × (1 − min(1, Value ÷ ZeroAt))", help);
        Assert.Contains("A (90 and above), B (75), C (60), D (40), F", help);
    }
}
