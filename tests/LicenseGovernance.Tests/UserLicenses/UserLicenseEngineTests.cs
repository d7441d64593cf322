using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Catalog;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Lifecycle;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.UserLicenses;

/// <summary>
/// Get-UserLicense through the engine on the tiers of document 000 (Tier1 the SPE_F1 baseline every worker holds, Tier2
/// SPE_E3 and Tier3 SPE_E5 with their access packages), and licence groups outside the tier ladder (document 003).
/// </summary>
public sealed class UserLicenseEngineTests
{
    [LicensingCsvFact]
    public async Task Document003_AUserInTwoE3GroupsWithDifferentPlans_HoldsTheUnion_AsFriendlyNames()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 5);
        await fx.Engine.ImportCatalogAsync(new ImportCatalogRequest { Path = SharedData.LicensingCsvPath! }, new CollectingSink());
        var user = Manager(fx);
        var selected = LicenceGroup(fx, "E3 with Selected Services", "SHAREPOINTENTERPRISE", "EXCHANGE_S_ENTERPRISE", "TEAMS1");
        var forms = LicenceGroup(fx, "E3 Forms pilot", "FORMS_PLAN_E3");
        fx.Tenant.Store.AddMember(selected.Id, user.Id);
        fx.Tenant.Store.AddMember(forms.Id, user.Id);
        fx.Tenant.Settle();

        var sink = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { user.UserPrincipalName }, Sku = new[] { "SPE_E3" } });

        Assert.Empty(sink.Errors);
        var row = Assert.Single(sink.Of<UserLicense>());
        Assert.Equal("Microsoft 365 E3", row.ProductName);
        Assert.Equal(new[] { "Exchange Online (Plan 2)", "Microsoft Forms (Plan E3)", "Microsoft Teams", "SharePoint (Plan 2)" }, row.EnabledPlans);
        Assert.Equal("Active", row.State);
        Assert.Equal(new[] { "E3 Forms pilot", "E3 with Selected Services" }, row.Paths.Select(p => p.GroupName).OrderBy(n => n));
        Assert.All(row.Paths, p => Assert.Equal(LicenseSourceKind.Group, p.Kind));
        Assert.Equal(new Guid?[] { forms.Id, selected.Id }.OrderBy(i => i), row.Paths.Select(p => p.GroupId).OrderBy(i => i));
        Assert.Contains("Microsoft Teams", row.Paths.Single(p => p.GroupId == forms.Id).DisabledPlans);
        Assert.DoesNotContain("Microsoft Teams", row.Paths.Single(p => p.GroupId == selected.Id).DisabledPlans);
        // Groups outside the tier ladder make no tier.
        Assert.Null(row.Tier);
    }

    [Fact]
    public async Task ADirectAndAGroupLicenceOfOneSku_ShowBothPaths()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 5);
        var user = Manager(fx);
        var group = LicenceGroup(fx, "LIC-E3-Office", "EXCHANGE_S_ENTERPRISE");
        fx.Tenant.Store.AssignLicense(user.Id, fx.Tenant.Sku("SPE_E3"));
        fx.Tenant.Store.AddMember(group.Id, user.Id);
        fx.Tenant.Settle();

        var sink = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { user.Id.ToString() } });

        var e3 = Assert.Single(sink.Of<UserLicense>());
        Assert.Equal("SPE_E3", e3.SkuPartNumber);
        Assert.Equal(new[] { LicenseSourceKind.Direct, LicenseSourceKind.Group }, e3.Paths.Select(p => p.Kind));
        Assert.Equal("LIC-E3-Office", e3.Paths[1].GroupName);
        Assert.Empty(e3.Paths[0].DisabledPlans);
        Assert.Contains("Microsoft Teams", e3.EnabledPlans);
        Assert.Equal("Direct; LIC-E3-Office", e3.Paths.ToString());
    }

    [Fact]
    public async Task ATierLicenceFromAnAccessPackage_ShowsThePackageAndItsEnd_AndTheTier()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 5);
        var user = fx.Tenant.Workers()[2];
        var end = LifecycleSteps.Start.AddDays(90);
        fx.Tenant.AdminAdd(user.Id, LifecycleSteps.Tier3, end);
        fx.Tenant.Settle();

        var sink = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { user.UserPrincipalName }, Sku = new[] { "SPE_E5" } });

        var row = Assert.Single(sink.Of<UserLicense>());
        Assert.Equal((LifecycleSteps.Tier3, 3), (row.Tier, row.TierRank));
        var path = Assert.Single(row.Paths);
        Assert.Equal(LicenseSourceKind.AccessPackage, path.Kind);
        Assert.Equal(LifecycleSteps.Tier3, path.AccessPackageName);
        Assert.Equal(LifecycleSteps.Tier3, path.GroupName);
        Assert.NotNull(path.AccessPackageAssignmentId);
        Assert.Equal(end, path.AssignmentEndDate!.Value, TimeSpan.FromMinutes(1));
        Assert.Contains(" until " + end.ToString("yyyy-MM-dd"), path.ToString());
    }

    [Fact]
    public async Task ALicenceInError_ShowsTheErrorOnTheRowAndItsPath()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 5);
        var user = fx.Tenant.Workers()[3];
        var e5 = fx.Tenant.Sku("SPE_E5");
        fx.Tenant.Store.SetPrepaidUnits(e5, fx.Tenant.Store.GetSku(e5)!.ConsumedUnits);
        fx.Tenant.Store.AddMember(fx.Tenant.Group(LifecycleSteps.Tier3).Id, user.Id);
        fx.Tenant.Settle();

        var sink = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { user.UserPrincipalName }, Sku = new[] { "SPE_E5" } });

        var row = Assert.Single(sink.Of<UserLicense>());
        Assert.Equal(("Error", "CountViolation"), (row.State, row.Error));
        Assert.Equal(("Error", "CountViolation"), (row.Paths[0].State, row.Paths[0].Error));
        Assert.EndsWith("(CountViolation)", row.Paths.ToString());
        // A member of the tier's group, even in error, is of that tier.
        Assert.Equal(LifecycleSteps.Tier3, row.Tier);
    }

    [Fact]
    public async Task Unlicensed_ListsTheTierSystemsUsersWhoHoldNothing_AndNoOneElse()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 5);
        var f1 = fx.Tenant.Sku("SPE_F1");
        fx.Tenant.Store.SetPrepaidUnits(f1, fx.Tenant.Store.GetSku(f1)!.ConsumedUnits);
        var newcomer = fx.Tenant.Store.AddUser("newcomer@" + fx.Tenant.DefaultDomain, u => u.UsageLocation = "US");
        fx.Tenant.Store.AddMember(fx.Tenant.Group(LifecycleSteps.Tier1).Id, newcomer.Id);
        fx.Tenant.Store.AddUser("outsider@" + fx.Tenant.DefaultDomain, u => u.UsageLocation = "US");
        fx.Tenant.Settle();

        var sink = await GetAsync(fx, new GetUserLicenseRequest { Unlicensed = true });

        Assert.Empty(sink.Errors);
        var row = Assert.Single(sink.Of<UserLicense>());
        Assert.Equal(newcomer.Id, row.UserId);
        Assert.Null(row.SkuPartNumber);
        Assert.Empty(row.Paths);
        Assert.Equal((LifecycleSteps.Tier1, "CountViolation"), (row.Tier, row.Error));

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => GetAsync(fx, new GetUserLicenseRequest { Unlicensed = true, Sku = new[] { "SPE_F1" } }));
        Assert.Equal(ErrorIds.UnlicensedWithSku, refused.Error.Id);
    }

    [Fact]
    public async Task Tier_ListsTheMembersAndPackageHoldersOfThatTierOnly()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 6);
        var workers = fx.Tenant.Workers();
        fx.Tenant.AdminAdd(workers[0].Id, LifecycleSteps.Tier3, LifecycleSteps.Start.AddDays(30));
        fx.Tenant.AdminAdd(workers[1].Id, LifecycleSteps.Tier2, LifecycleSteps.Start.AddDays(30));
        fx.Tenant.Settle();

        var tier3 = await GetAsync(fx, new GetUserLicenseRequest { Tier = LifecycleSteps.Tier3 });
        var tier1 = await GetAsync(fx, new GetUserLicenseRequest { Tier = fx.Tenant.Group(LifecycleSteps.Tier1).Id.ToString(), Sku = new[] { "SPE_F1" } });

        Assert.Equal(new[] { workers[0].Id }, tier3.Of<UserLicense>().Select(r => r.UserId).Distinct());
        Assert.Equal(new[] { "SPE_E5", "SPE_F1" }, tier3.Of<UserLicense>().Select(r => r.SkuPartNumber).OrderBy(s => s));
        Assert.Equal(workers.Skip(2).Select(w => w.Id).OrderBy(i => i), tier1.Of<UserLicense>().Select(r => r.UserId).OrderBy(i => i));
        var unknown = await Assert.ThrowsAsync<LicenseGovernanceException>(() => GetAsync(fx, new GetUserLicenseRequest { Tier = "LIC-M365-Tier4" }));
        Assert.Equal(ErrorIds.GroupNotFound, unknown.Error.Id);
        Assert.Contains(LifecycleSteps.Tier3, unknown.Error.Message);
        var rank = await Assert.ThrowsAsync<LicenseGovernanceException>(() => GetAsync(fx, new GetUserLicenseRequest { Tier = "3" }));
        Assert.Equal(ErrorIds.TierGivenAsRank, rank.Error.Id);
        Assert.Contains($"The tier of rank 3 is '{LifecycleSteps.Tier3}'", rank.Error.Message);
    }

    [Fact]
    public async Task Sku_TakesWildcards_AndAPatternMatchingNothingIsReportedWhileTheOthersGoOn()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 5);
        var user = fx.Tenant.Workers()[0];
        fx.Tenant.AdminAdd(user.Id, LifecycleSteps.Tier3, LifecycleSteps.Start.AddDays(30));
        fx.Tenant.Settle();

        var all = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { user.UserPrincipalName } });
        var sink = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { user.UserPrincipalName }, Sku = new[] { "SPE_E*", "NOPE*" } });

        Assert.Equal(new[] { "SPE_E5", "SPE_F1" }, all.Of<UserLicense>().Select(r => r.SkuPartNumber).OrderBy(s => s));
        Assert.Equal("SPE_E5", Assert.Single(sink.Of<UserLicense>()).SkuPartNumber);
        Assert.Equal(ErrorIds.SkuPatternMatchesNothing, Assert.Single(sink.Errors).Id);
    }

    [Fact]
    public async Task AnUnknownUser_IsUserNotFound_AndTheOthersGoOn()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 3);
        var user = fx.Tenant.Workers()[0];

        var sink = await GetAsync(fx, new GetUserLicenseRequest { User = new[] { "nobody@" + fx.Tenant.DefaultDomain, user.UserPrincipalName } });

        Assert.Equal(ErrorIds.UserNotFound, Assert.Single(sink.Errors).Id);
        Assert.Equal(user.Id, Assert.Single(sink.Of<UserLicense>()).UserId);
    }

    /// <summary>
    /// The whole tenant is read in pages of licensed users only (Graph's assignedLicenses/$count ne 0): a thousand users
    /// who hold nothing cost no page, and the licence groups and packages are read once, not per user.
    /// </summary>
    [Fact]
    public async Task TheWholeTenant_IsOneListingOfLicensedUsers_WithSourcesReadOnce()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 40);
        for (var i = 0; i < 1_000; i++)
        {
            fx.Tenant.Store.AddUser($"unlicensed{i}@{fx.Tenant.DefaultDomain}");
        }

        fx.Tenant.Statistics.Reset();
        var sink = await GetAsync(fx, new GetUserLicenseRequest());

        Assert.Equal(40, sink.Of<UserLicense>().Select(r => r.UserId).Distinct().Count());
        Assert.Equal(1, fx.Tenant.Statistics.CountFor("GET /users"));
        Assert.Equal(1, fx.Tenant.Statistics.CountFor("GET /identityGovernance/entitlementManagement/assignments"));
        Assert.Contains(sink.Progress, p => p.Completed);
    }

    /// <summary>The one user outside the tier system: in no tier group, holding nothing.</summary>
    private static SimulatedUser Manager(EngineFixture fx) => fx.Tenant.Store.Users.Single(u => u.UserPrincipalName.StartsWith("manager@", StringComparison.Ordinal));

    private static SimulatedGroup LicenceGroup(EngineFixture fx, string name, params string[] enabledPlans)
    {
        var group = fx.Tenant.Store.AddGroup(name);
        var e3 = fx.Tenant.Store.GetSku(fx.Tenant.Sku("SPE_E3"))!;
        var disabled = e3.ServicePlans.Where(p => p.AppliesTo == "User" && !enabledPlans.Contains(p.ServicePlanName)).Select(p => p.ServicePlanId);
        fx.Tenant.Store.AssignGroupLicense(group.Id, e3.SkuId, disabled);
        return group;
    }

    private static async Task<CollectingSink> GetAsync(EngineFixture fx, GetUserLicenseRequest request)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetUserLicensesAsync(request, sink);
        return sink;
    }
}
