using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Xunit;

namespace LicenseGovernance.Tests.Migration;

public class DirectAssignmentReportTests
{
    [Fact]
    public async Task Document004BeforeMigration_DirectBothAndParityAreReported_WithTheInheritedError()
    {
        using var fx = MigrationSteps.Document004(users: 100, planDifference: 10, noLocation: 5, existingMembers: 40);
        // Members of the group include plan-difference and no-location users here, so "both" covers each case.
        var odd = fx.Tenant.Store.Users.Where(u => u.Department != "Staff").ToList();
        foreach (var user in odd)
        {
            fx.Tenant.Store.AddMember(fx.Tenant.AllUsers().Id, user.Id);
        }

        fx.Tenant.Clock.Advance(TimeSpan.FromHours(1));
        var sink = new CollectingSink();

        await fx.Engine.GetDirectLicenseAssignmentsAsync(new GetDirectLicenseAssignmentRequest { Sku = new[] { "Office 365 E3" } }, sink);

        Assert.Empty(sink.Errors);
        var rows = sink.Of<DirectLicenseAssignment>().ToList();
        Assert.Equal(100, rows.Count);
        Assert.Equal(45, rows.Count(r => r.Assignment == "Direct"));
        var both = rows.Where(r => r.Assignment == "Both").ToList();
        Assert.Equal(55, both.Count);
        Assert.All(both, r => Assert.Equal(new[] { MigrationSteps.Group }, r.InheritedFrom));
        var differing = both.Where(r => r.PlanParity == false).ToList();
        Assert.Equal(10, differing.Count);
        Assert.All(differing, r => Assert.Equal(new[] { "SWAY", "YAMMER_ENTERPRISE" }, r.OnlyInheritedPlans));
        Assert.All(differing, r => Assert.Equal(new[] { "SWAY", "YAMMER_ENTERPRISE" }, r.DirectDisabledPlans));
        var inError = both.Where(r => r.InheritedState == "Error").ToList();
        Assert.Equal(5, inError.Count);
        Assert.All(inError, r => Assert.Equal("ProhibitedInUsageLocationViolation", r.InheritedError));
        Assert.All(both.Except(inError), r => Assert.Null(r.InheritedError));

        var summary = new CollectingSink();
        await fx.Engine.GetDirectLicenseAssignmentsAsync(new GetDirectLicenseAssignmentRequest { Summary = true }, summary);
        var counts = Assert.Single(summary.Of<DirectLicenseSummary>());
        Assert.Equal((100, 45, 0, 55, 10, 5), (counts.Users, counts.DirectOnly, counts.InheritedOnly, counts.Both, counts.BothWithPlanDifference, counts.InheritedInError));
    }

    [Fact]
    public async Task AfterMigration_EveryoneMigratedIsInheritedOnly()
    {
        using var fx = MigrationSteps.Document004(users: 50, planDifference: 0, noLocation: 0, existingMembers: 0);
        await fx.MoveAsync();
        var sink = new CollectingSink();

        await fx.Engine.GetDirectLicenseAssignmentsAsync(new GetDirectLicenseAssignmentRequest { Summary = true }, sink);

        var counts = Assert.Single(sink.Of<DirectLicenseSummary>());
        Assert.Equal((50, 0, 50), (counts.Users, counts.DirectOnly, counts.InheritedOnly));
    }

    [Fact]
    public async Task AnUnknownSku_IsRefusedWithTheClosestNames()
    {
        using var fx = MigrationSteps.Document004(users: 5, planDifference: 0, noLocation: 0, existingMembers: 0);

        var sink = new CollectingSink();
        await fx.Engine.GetDirectLicenseAssignmentsAsync(new GetDirectLicenseAssignmentRequest { Sku = new[] { "ENTERPRISEPAK" } }, sink);

        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.SkuNotFound, error.Id);
        Assert.Contains("ENTERPRISEPACK", error.Message);
        Assert.Empty(sink.Objects);
    }

    /// <summary>
    /// Without -Sku the listing asks Graph for licensed users only (assignedLicenses/$count ne 0, which the simulator, as
    /// Graph, refuses without ConsistencyLevel eventual and $count=true): a thousand unlicensed users cost no page.
    /// </summary>
    [Fact]
    public async Task WithoutSku_UnlicensedUsersAreLeftOutByGraph()
    {
        using var fx = MigrationSteps.Document004(users: 100, planDifference: 0, noLocation: 0, existingMembers: 0);
        for (var i = 0; i < 1_000; i++)
        {
            fx.Tenant.Store.AddUser($"unlicensed{i}@contoso.onmicrosoft.com");
        }

        var licensed = fx.Tenant.Store.Users.Count(u => u.LicenseAssignmentStates.Count > 0);
        fx.Tenant.Statistics.Reset();
        var sink = new CollectingSink();

        await fx.Engine.GetDirectLicenseAssignmentsAsync(new GetDirectLicenseAssignmentRequest(), sink);

        Assert.Empty(sink.Errors);
        Assert.True(licensed < 999 && fx.Tenant.Store.Users.Count > 999, "the unlicensed users alone would fill a page");
        Assert.Equal(1, fx.Tenant.Statistics.CountFor("GET /users"));
        Assert.Equal(licensed, sink.Of<DirectLicenseAssignment>().Select(r => r.UserId).Distinct().Count());
    }
}
