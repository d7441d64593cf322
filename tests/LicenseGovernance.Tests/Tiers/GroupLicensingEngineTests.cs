using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Tiers;

/// <summary>Dynamic tiers, seat errors and reprocessing through the engine, the way the issue's acceptance describes them.</summary>
public sealed class GroupLicensingEngineTests
{
    private static readonly Guid E3 = Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static readonly Guid Visio = Guid.Parse("c5928f49-12ba-48f7-ada3-0d743a3601d5");

    [Fact]
    public async Task Document003sAttributeDrivenGroupsMoveUsersBetweenPlanSetsAndAUserInBothGetsTheUnion()
    {
        using var fx = new EngineFixture();
        var store = fx.Tenant.Store;
        var all = await fx.NewTierAsync("E3 All", new[] { "SPE_E3" }, tier: 10, rule: "user.extensionAttribute10 -eq \"E3 All\"");
        var selected = await fx.NewTierAsync("E3 with Selected Services", new[] { "SPE_E3" }, tier: 11,
            enabled: new[] { "SHAREPOINTENTERPRISE", "EXCHANGE_S_ENTERPRISE", "TEAMS1" },
            rule: "user.extensionAttribute10 -eq \"E3 with Selected Services\"");
        var forms = await fx.NewTierAsync("E3 Forms pilot", new[] { "SPE_E3" }, tier: 12, enabled: new[] { "FORMS_PLAN_E3" }, rule: "user.jobTitle -eq \"Licence pilot\"");
        Assert.Equal("Dynamic", all.MembershipType);

        var consumedBefore = store.GetSku(E3)!.ConsumedUnits;
        var ada = store.AddUser("ada@" + fx.Tenant.DefaultDomain, u => { u.UsageLocation = "GB"; u.ExtensionAttributes[9] = "E3 All"; });
        fx.Tenant.Settle();
        var e3Plans = store.GetSku(E3)!.ServicePlans.Where(p => p.AppliesTo == "User").Select(p => p.ServicePlanId).ToHashSet();
        Assert.Contains(all.GroupId, store.GetUser(ada.Id).MemberOf);
        Assert.Empty(Assert.Single(Licenses(store, ada.Id)).DisabledPlans);

        store.UpdateUser(ada.Id, u => u.ExtensionAttributes[9] = "E3 with Selected Services");
        fx.Tenant.Settle();
        var moved = store.GetUser(ada.Id);
        Assert.DoesNotContain(all.GroupId, moved.MemberOf);
        Assert.Contains(selected.GroupId, moved.MemberOf);
        var narrow = Assert.Single(Licenses(store, ada.Id));
        Assert.Equal(e3Plans.Count - 3, narrow.DisabledPlans.Count);

        // In two groups with different plan sets: the enabled plans are the union of both, not either one.
        store.UpdateUser(ada.Id, u => u.JobTitle = "Licence pilot");
        fx.Tenant.Settle();
        var both = store.GetUser(ada.Id);
        Assert.Contains(selected.GroupId, both.MemberOf);
        Assert.Contains(forms.GroupId, both.MemberOf);
        var union = Assert.Single(Licenses(store, ada.Id));
        var enabled = e3Plans.Except(union.DisabledPlans).Select(id => store.GetSku(E3)!.ServicePlans.Single(p => p.ServicePlanId == id).ServicePlanName).OrderBy(n => n);
        Assert.Equal(new[] { "EXCHANGE_S_ENTERPRISE", "FORMS_PLAN_E3", "SHAREPOINTENTERPRISE", "TEAMS1" }, enabled);
        Assert.Equal(1, both.LicenseAssignmentStates.Count(s => s.AssignedByGroup == selected.GroupId));
        Assert.Equal(1, both.LicenseAssignmentStates.Count(s => s.AssignedByGroup == forms.GroupId));
        Assert.Equal(1, store.GetSku(E3)!.ConsumedUnits - consumedBefore);
    }

    [Fact]
    public async Task WhenSeatsRunOutExactlyTheOverflowUsersAreInCountViolationUntilSeatsAreBoughtAndTheyAreReprocessed()
    {
        using var fx = new EngineFixture();
        var store = fx.Tenant.Store;
        var tier = await fx.NewTierAsync("LIC-Visio", new[] { "VISIOCLIENT" }, tier: 20);
        var visio = store.GetSku(Visio)!;
        store.SetPrepaidUnits(Visio, visio.ConsumedUnits + 3);
        var newcomers = Enumerable.Range(1, 5).Select(i => store.AddUser($"visio{i}@{fx.Tenant.DefaultDomain}", u => u.UsageLocation = "US")).ToList();
        foreach (var user in newcomers)
        {
            store.AddMember(tier.GroupId, user.Id);
        }

        fx.Tenant.Settle();
        var sink = new CollectingSink();
        await fx.Engine.GetGroupLicenseErrorsAsync(new GetGroupLicenseErrorRequest(), sink);
        var errors = sink.Of<GroupLicenseError>().Where(e => e.GroupId == tier.GroupId).ToList();
        Assert.Equal(new[] { "visio4", "visio5" }, errors.Select(e => e.UserPrincipalName!.Split('@')[0]).OrderBy(n => n));
        Assert.All(errors, e =>
        {
            Assert.Equal("CountViolation", e.ErrorType);
            Assert.Equal("VISIOCLIENT", e.SkuPartNumber);
            Assert.Contains("Invoke-LicenseReprocess", e.Remedy);
        });

        var summary = new CollectingSink();
        await fx.Engine.GetGroupLicenseErrorsAsync(new GetGroupLicenseErrorRequest { Group = new[] { "LIC-Visio" }, Summary = true }, summary);
        var counts = Assert.Single(summary.Of<GroupLicenseErrorSummary>());
        Assert.Equal(2, counts.CountViolation);
        Assert.Equal(2, counts.UsersInError);
        Assert.Equal(1, counts.GroupsWithErrors);
        var tierRow = Assert.Single(await fx.TiersAsync("LIC-Visio"));
        Assert.Equal(2, tierRow.ErrorCount);
        Assert.Equal(5, tierRow.MemberCount);
        // Members in error hold no seat, so they cost nothing.
        var skus = new CollectingSink();
        await fx.Engine.GetSkusAsync(new GetLicenseSkuRequest { Sku = new[] { "VISIOCLIENT" } }, skus);
        Assert.Equal(3 * Assert.Single(skus.Of<LicenseSku>()).MonthlyPrice, tierRow.MonthlyCost);

        // Reprocessing before any seat is bought settles as Error, naming what is still wrong.
        var tooEarly = new CollectingSink();
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { Group = "LIC-Visio", Wait = true }, tooEarly);
        Assert.All(tooEarly.Of<LicenseReprocessResult>(), r =>
        {
            Assert.Equal(ReprocessOutcome.Error, r.Outcome);
            Assert.Equal(Visio + "=CountViolation", Assert.Single(r.RemainingErrors));
        });
        Assert.Equal(2, tooEarly.Of<LicenseReprocessResult>().Count());

        store.SetPrepaidUnits(Visio, store.GetSku(Visio)!.ConsumedUnits + 2);
        var reprocess = new CollectingSink();
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { Group = "LIC-Visio", Wait = true }, reprocess);
        var results = reprocess.Of<LicenseReprocessResult>().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(ReprocessOutcome.Active, r.Outcome));

        var after = new CollectingSink();
        await fx.Engine.GetGroupLicenseErrorsAsync(new GetGroupLicenseErrorRequest { Group = new[] { "LIC-Visio" } }, after);
        Assert.Empty(after.Of<GroupLicenseError>());

        // With nobody left in error there is nothing to do, and the command says so rather than returning silently.
        var nothing = new CollectingSink();
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { Group = "LIC-Visio", Wait = true }, nothing);
        Assert.Empty(nothing.Objects);
        Assert.Contains("nothing to reprocess", Assert.Single(nothing.Warnings));
    }

    [Fact]
    public async Task ReprocessAsksBeforeEachUserAndWhatIfSendsNothing()
    {
        using var fx = new EngineFixture();
        var user = fx.Tenant.Store.Users.First(u => u.LicenseAssignmentStates.Any(s => s.AssignedByGroup != null));
        fx.Tenant.Statistics.Reset();

        var whatIf = new CollectingSink { Decide = (_, _) => false };
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { User = new[] { user.UserPrincipalName, "nobody@contoso.com" } }, whatIf);

        Assert.Equal(user.UserPrincipalName, Assert.Single(whatIf.ShouldProcessQuestions).Target);
        Assert.Equal(ErrorIds.UserNotFound, Assert.Single(whatIf.Errors).Id);
        Assert.Empty(whatIf.Of<LicenseReprocessResult>());
        Assert.Equal(0, fx.Tenant.Statistics.Writes);

        var real = new CollectingSink();
        await fx.Engine.ReprocessLicensesAsync(new ReprocessRequest { User = new[] { user.Id.ToString() } }, real);
        Assert.Equal(ReprocessOutcome.Requested, Assert.Single(real.Of<LicenseReprocessResult>()).Outcome);
    }

    [Fact]
    public async Task TestingARulePreviewsJoinersLeaversSeatsAndCostWithoutWritingAnything()
    {
        using var fx = new EngineFixture();
        var store = fx.Tenant.Store;
        var tier = await fx.NewTierAsync("LIC-Finance", new[] { "SPE_E5" }, tier: 30, rule: "user.department -eq \"Finance\"");
        fx.Tenant.Settle();
        var finance = store.Users.Where(u => u.Department == "Finance").ToList();
        var sales = store.Users.Where(u => u.Department == "Sales").ToList();
        Assert.NotEmpty(finance);
        Assert.NotEmpty(sales);
        fx.Tenant.Statistics.Reset();

        var preview = await fx.Engine.TestMembershipRuleAsync(new TestMembershipRuleRequest { Rule = "user.department -in [\"Sales\"]", Group = "LIC-Finance" }, new CollectingSink());

        Assert.Equal(sales.Count, preview.MatchCount);
        Assert.Equal(sales.Select(u => u.UserPrincipalName).OrderBy(n => n), preview.Joining.OrderBy(n => n));
        Assert.Equal(finance.Select(u => u.UserPrincipalName).OrderBy(n => n), preview.Leaving.OrderBy(n => n));
        Assert.Equal("SPE_E5", preview.SkuPartNumber);
        var e5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
        Assert.Equal(sales.Count(u => !u.LicenseAssignmentStates.Any(s => s.SkuId == e5)), preview.SeatDemand);
        Assert.Equal(Math.Max(0, preview.SeatDemand - preview.AvailableSeats), preview.SeatShortfall);
        Assert.NotNull(preview.MonthlyCostChange);
        Assert.Equal(store.UserCount, preview.UsersEvaluated);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);

        var bad = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.TestMembershipRuleAsync(new TestMembershipRuleRequest { Rule = "user.departmnt -eq \"Sales\"" }, new CollectingSink()));
        Assert.Equal(ErrorIds.MembershipRuleInvalid, bad.Error.Id);
        Assert.Contains("position 1", bad.Error.Message);
    }

    private static List<LicenseGovernance.Simulator.Model.AssignedLicense> Licenses(TenantStore store, Guid userId) =>
        LicenseGovernance.Simulator.UserLicensing.AssignedLicenses(store.GetUser(userId));
}
