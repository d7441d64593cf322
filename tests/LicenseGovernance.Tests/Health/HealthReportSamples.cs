using LicenseGovernance.Engine.Health;

namespace LicenseGovernance.Tests.Health;

/// <summary>Report models for the renderer tests: plain figures, and tenant strings that try to break out of the HTML.</summary>
internal static class HealthReportSamples
{
    public static readonly Guid Tenant = Guid.Parse("7d1b2c3a-0000-4000-8000-00000000abcd");

    public const string Hostile = "<script>alert('x')</script> & \"Co\"";

    public static HealthReport Report(DateTimeOffset measuredAt, int score = 72, string? productName = null, IReadOnlyList<HealthTrendPoint>? earlier = null, Guid? tenant = null)
    {
        var inputs = new HealthInputs
        {
            TenantId = tenant ?? Tenant,
            MeasuredAt = measuredAt,
            Waste = new WasteInput { PurchasedMonthlyCost = 5700m, UnassignedMonthlyCost = 570m, ZombieMonthlyCost = 1140m, UnassignedSeats = 10, ZombieSeats = 20, Currency = "USD" },
            LicensedUsers = 90,
            LicenseAssignments = 90,
            DirectAssignments = 30,
            UsersInError = 2,
            PackageAssignments = 4,
            PackageAssignmentsWithoutEnd = 1,
            LicensedGroups = 3,
            LicensedGroupsWithoutOwner = 2,
            Tiers = 3,
            TierUsers = 60,
            ConflictingTierUsers = 3,
        };
        inputs.Warnings.Add("Sign-in activity " + Hostile);
        var health = HealthCalculator.Calculate(inputs);
        health.Score = score;
        health.Grade = HealthCalculator.Grade(score);
        var point = HealthReportRenderer.Point(health);
        return new HealthReport
        {
            Health = health,
            TenantName = "contoso " + Hostile,
            GeneratedAt = measuredAt,
            Spend = new[]
            {
                new SkuSpend
                {
                    SkuPartNumber = "SPE_E5", ProductName = productName ?? "Microsoft 365 E5", Purchased = 100, Assigned = 90, AssignedToZombies = 20, Available = 10, MonthlyPrice = 57m, Currency = "USD",
                    PurchasedMonthlyCost = 5700m, ActiveMonthlyCost = 3990m, ZombieMonthlyCost = 1140m, UnassignedMonthlyCost = 570m,
                },
                new SkuSpend { SkuPartNumber = "FLOW_FREE", ProductName = "Power Automate Free", Purchased = 10000, Assigned = 12, Available = 9988 },
            },
            WasteByReason = new[]
            {
                new WasteByReason { Reason = "Unassigned", Seats = 10, MonthlyCost = 570m },
                new WasteByReason { Reason = "Disabled", Seats = 8, MonthlyCost = 456m },
                new WasteByReason { Reason = "Inactive", Seats = 12, MonthlyCost = 684m },
            },
            Trend = (earlier ?? Array.Empty<HealthTrendPoint>()).Concat(new[] { point }).ToList(),
        };
    }
}
