using LicenseGovernance.Engine;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Tiers;

public sealed class TierGroupEngineTests
{
    private static readonly Guid E3 = Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static readonly Guid E5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
    private static readonly Guid Visio = Guid.Parse("c5928f49-12ba-48f7-ada3-0d743a3601d5");

    [Fact]
    public async Task Document000sThreeTiersAreCreatedFromNothingAndReadBackByANewSession()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true, description: "Frontline baseline");
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "Microsoft 365 E3" }, tier: 2);
        await fx.NewTierAsync("LIC-M365-Tier3", new[] { "06ebc4ee-1bb5-47dd-8120-11324bc54e06" });

        // A new session knows nothing but what the tenant holds.
        using var second = new EngineFixture(tenant: fx.Tenant);
        var tiers = await second.TiersAsync();

        Assert.Equal(new[] { "LIC-M365-Tier1", "LIC-M365-Tier2", "LIC-M365-Tier3" }, tiers.Select(t => t.DisplayName));
        Assert.Equal(new[] { 1, 2, 3 }, tiers.Select(t => t.TierRank));
        Assert.Equal(new[] { true, false, false }, tiers.Select(t => t.IsBaseline));
        Assert.Equal(new[] { "SPE_F1", "SPE_E3", "SPE_E5" }, tiers.Select(t => t.SkuPartNumbers));
        Assert.All(tiers, t => Assert.Equal("Static", t.MembershipType));
        Assert.Equal("Frontline baseline", tiers[0].Description);

        var group = fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-M365-Tier2");
        Assert.False(group.MailEnabled);
        Assert.True(group.SecurityEnabled);
        Assert.Equal(E3, Assert.Single(group.AssignedLicenses).SkuId);
    }

    [Fact]
    public async Task RerunningWithTheSameArgumentsChangesNothingAndADifferentOneShowsTheDifference()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        fx.Tenant.Statistics.Reset();

        var same = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", CreateIfMissing = true, Sku = new[] { "spe_e3" }, Rank = 2, Baseline = false, MembershipRule = null }, new CollectingSink());
        Assert.True(same.IsNoChange);
        var unchanged = await fx.Engine.ApplyTierGroupPlanAsync(same, new CollectingSink());
        Assert.Equal("LIC-M365-Tier2", unchanged!.DisplayName);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);

        var changed = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Rank = 2, Baseline = false, DisabledPlan = new[] { "YAMMER_ENTERPRISE" } }, new CollectingSink());
        Assert.Equal(TierGroupAction.Update, changed.Action);
        var change = Assert.Single(changed.Changes);
        Assert.Equal("Licence", change.Property);
        Assert.Equal("SPE_E3 (all plans)", change.From);
        Assert.Equal("SPE_E3 (all plans except YAMMER_ENTERPRISE)", change.To);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);

        var tier = await fx.Engine.ApplyTierGroupPlanAsync(changed, new CollectingSink());
        Assert.Equal(new[] { "YAMMER_ENTERPRISE" }, Assert.Single(tier!.Skus).DisabledPlans);
    }

    [Fact]
    public async Task EnabledPlansLeaveEveryOtherUserPlanOffAndABundleCarriesSeveralSkus()
    {
        using var fx = new EngineFixture();
        var tier = await fx.NewTierAsync("E3 with Selected Services", new[] { "SPE_E3", "POWER_BI_PRO" }, enabled: new[] { "SHAREPOINTENTERPRISE", "Exchange Online (Plan 2)", "TEAMS1", "BI_AZURE_P2" });

        Assert.Equal(2, tier.Skus.Count);
        var e3 = tier.Skus.Single(s => s.SkuPartNumber == "SPE_E3");
        Assert.Equal(new[] { "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1" }, e3.EnabledPlans.OrderBy(p => p));
        Assert.Contains("SHAREPOINTWAC", e3.DisabledPlans);
        Assert.Equal(2, fx.Tenant.Store.Groups.Single(g => g.DisplayName == "E3 with Selected Services").AssignedLicenses.Count);
    }

    [Fact]
    public async Task Document003sServiceNamesResolveToTheirPlans_AndAnAmbiguousOneListsTheCandidates()
    {
        using var fx = new EngineFixture();
        var tier = await fx.NewTierAsync("E3 with Selected Services", new[] { "SPE_E3" }, enabled: new[] { "SharePoint Online", "Exchange Online", "Microsoft Teams" });

        Assert.Equal(new[] { "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1" }, Assert.Single(tier.Skus).EnabledPlans.OrderBy(p => p));

        var ambiguous = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E5" }, DisabledPlan = new[] { "Microsoft Defender for Office 365" } });
        Assert.Equal(ErrorIds.ServicePlanAmbiguous, ambiguous.Id);
        Assert.Contains("ATP_ENTERPRISE", ambiguous.Message);
        Assert.Contains("THREAT_INTELLIGENCE", ambiguous.Message);

        var unknown = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, EnabledPlan = new[] { "SharePoint Server" } });
        Assert.Equal(ErrorIds.ServicePlanNotFound, unknown.Id);
        Assert.Contains("SharePoint (Plan 2)", unknown.Message);
    }

    [Fact]
    public async Task BadInputFailsClearlyAndWritesNothing()
    {
        using var fx = new EngineFixture();
        fx.Tenant.Store.AddGroup("Sales announcements", g => { g.MailEnabled = true; g.Mail = "sales@contoso.com"; });
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var groupsBefore = fx.Tenant.Store.Groups.Count;
        fx.Tenant.Statistics.Reset();

        var sku = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E33" } });
        Assert.Equal(ErrorIds.SkuNotFound, sku.Id);
        Assert.Contains("SPE_E3", sku.Message);

        var plan = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, EnabledPlan = new[] { "TEAMS2" } });
        Assert.Equal(ErrorIds.ServicePlanNotFound, plan.Id);
        Assert.Contains("TEAMS1", plan.Message);

        var rule = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, MembershipRule = "user.department -eq \"Sales\" -and" });
        Assert.Equal(ErrorIds.MembershipRuleInvalid, rule.Id);
        Assert.Contains("position", rule.Message);

        var mail = await fx.PlanFailsAsync(new TierGroupRequest { Name = "Sales announcements", CreateIfMissing = true, Sku = new[] { "SPE_E3" } });
        Assert.Equal(ErrorIds.GroupServesOtherPurpose, mail.Id);
        Assert.Contains("mail-enabled", mail.Message);

        // "All Sales" is an existing group of the demo tenant with members and no tier record: its name is taken.
        var used = await fx.PlanFailsAsync(new TierGroupRequest { Name = "All Sales", CreateIfMissing = true, Sku = new[] { "SPE_E3" } });
        Assert.Equal(ErrorIds.GroupServesOtherPurpose, used.Id);
        Assert.Contains("member(s)", used.Message);

        // A rule Entra accepts but the module cannot read is left to Entra, with a warning, rather than refused.
        var hireDate = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "New joiners", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, MembershipRule = "user.employeeHireDate -ge system.now -minus p30d" }, new CollectingSink());
        Assert.Equal(TierGroupAction.Create, hireDate.Action);
        Assert.Contains(hireDate.Warnings, w => w.Contains("validates it when the group is saved"));

        var rank = await fx.PlanFailsAsync(new TierGroupRequest { Name = "Another", CreateIfMissing = true, Sku = new[] { "SPE_E5" }, Rank = 2 });
        Assert.Equal(ErrorIds.TierRankInUse, rank.Id);

        var both = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, EnabledPlan = new[] { "TEAMS1" }, DisabledPlan = new[] { "SWAY" } });
        Assert.Equal(ErrorIds.PlanSelectionInvalid, both.Id);

        Assert.Equal(0, fx.Tenant.Statistics.Writes);
        Assert.Equal(groupsBefore, fx.Tenant.Store.Groups.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ARankOutsideTheCmdletsRangeIsRefusedByTheEngineToo(int tier)
    {
        using var fx = new EngineFixture(users: 30);

        var error = await fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Rank = tier });

        Assert.Equal(ErrorIds.TierRankInvalid, error.Id);
        Assert.Contains("1 (the lowest tier) to 1000", error.Message);
    }

    [Fact]
    public async Task OnlyOneBaselineAndSetRefusesGroupsThatAreNotTiers()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);

        var second = await fx.PlanFailsAsync(new TierGroupRequest { Name = "Other", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Baseline = true });
        Assert.Equal(ErrorIds.BaselineAlreadyDefined, second.Id);

        var notTier = await fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-E3", Sku = new[] { "SPE_E3" } });
        Assert.Equal(ErrorIds.NotATierGroup, notTier.Id);

        var missing = await fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-Tier9" });
        Assert.Equal(ErrorIds.GroupNotFound, missing.Id);
        Assert.Contains("LIC-M365-Tier1", missing.Message);
    }

    [Fact]
    public async Task AnExistingGroupWithAnotherPurposeBecomesATierOnlyWithForce()
    {
        using var fx = new EngineFixture();
        var group = fx.Tenant.Store.AddGroup("App access");
        var user = fx.Tenant.Store.Users.First(u => u.UsageLocation != null);
        fx.Tenant.Store.AddMember(group.Id, user.Id);

        var refused = await fx.PlanFailsAsync(new TierGroupRequest { Name = "App access", CreateIfMissing = true, Sku = new[] { "SPE_E3" } });
        Assert.Equal(ErrorIds.GroupServesOtherPurpose, refused.Id);

        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "App access", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Force = true }, new CollectingSink());
        Assert.Equal(TierGroupAction.Update, plan.Action);
        Assert.Contains(plan.Warnings, w => w.Contains("-Force"));
        var tier = await fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink());
        Assert.Equal(group.Id, tier!.GroupId);
        Assert.Single(await fx.TiersAsync("App access"));
    }

    [Fact]
    public async Task ATierPlanMadeBeforeSomeoneElseChangedTheGroupIsNotApplied()
    {
        using var fx = new EngineFixture();
        var tier = await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", Description = "Knowledge workers" }, new CollectingSink());
        fx.Tenant.Store.AssignGroupLicense(tier.GroupId, E5);

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink()));
        Assert.Equal(ErrorIds.TierGroupChanged, ex.Error.Id);
        Assert.Null(fx.Tenant.Store.FindGroup(tier.GroupId)!.Description);
    }

    [Fact]
    public async Task SwappingATiersSkuRemovesTheOldOneOnlyAfterTheNewOneIsActiveForEveryMember()
    {
        using var fx = new EngineFixture();
        var tier = await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var members = Enumerable.Range(1, 4).Select(i => fx.Tenant.Store.AddUser($"swap{i}@{fx.Tenant.DefaultDomain}", u => u.UsageLocation = "DE")).ToList();
        foreach (var m in members)
        {
            fx.Tenant.Store.AddMember(tier.GroupId, m.Id);
        }

        fx.Tenant.Settle();
        var e5 = fx.Tenant.Store.GetSku(E5)!;
        fx.Tenant.Store.SetPrepaidUnits(E5, e5.ConsumedUnits + 2);
        fx.Tenant.Statistics.Reset();

        // Two seats for four members: refused before anything is written.
        var shortage = await fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", Sku = new[] { "SPE_E5" } });
        Assert.Equal(ErrorIds.NotEnoughSeats, shortage.Id);
        Assert.Contains("4 more SPE_E5", shortage.Message);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);

        fx.Tenant.Store.SetPrepaidUnits(E5, e5.ConsumedUnits + 10);
        // The members lose E3, so the swap needs -Force.
        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", Sku = new[] { "SPE_E5" }, Force = true }, new CollectingSink());
        Assert.Contains(plan.Warnings, w => w.Contains("verified first"));
        var done = await fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink());
        fx.Tenant.Settle();

        Assert.Equal("SPE_E5", done!.SkuPartNumbers);
        Assert.All(members, m =>
        {
            var states = fx.Tenant.Store.GetUser(m.Id).LicenseAssignmentStates.Where(s => s.AssignedByGroup == tier.GroupId).ToList();
            var state = Assert.Single(states);
            Assert.Equal(E5, state.SkuId);
            Assert.Equal("Active", state.State);
        });
    }

    [Fact]
    public async Task ANewTierLicenseThatBreaksMembersIsRolledBackSoTheirOldOneKeepsWorking()
    {
        using var fx = new EngineFixture();
        var store = fx.Tenant.Store;
        var tier = await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var members = Enumerable.Range(1, 2).Select(i => store.AddUser($"bundle{i}@{fx.Tenant.DefaultDomain}", u => u.UsageLocation = "DE")).ToList();
        members.ForEach(m => store.AddMember(tier.GroupId, m.Id));
        fx.Tenant.Settle();

        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", Sku = new[] { "SPE_E3", "VISIOCLIENT" } }, new CollectingSink());
        // Someone else takes the last Visio seats between the plan and its application.
        store.SetPrepaidUnits(Visio, store.GetSku(Visio)!.ConsumedUnits);
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink()));
        Assert.Equal(ErrorIds.TierReplacementNotActive, ex.Error.Id);
        fx.Tenant.Settle();

        Assert.Equal(E3, Assert.Single(store.FindGroup(tier.GroupId)!.AssignedLicenses).SkuId);
        Assert.All(members, m =>
        {
            var state = Assert.Single(store.GetUser(m.Id).LicenseAssignmentStates, s => s.AssignedByGroup == tier.GroupId);
            Assert.Equal(E3, state.SkuId);
            Assert.Equal("Active", state.State);
        });
    }

    [Fact]
    public async Task APlanChangeThatBreaksAMemberIsRolledBackBeforeAnySkuIsRemoved()
    {
        using var fx = new EngineFixture();
        var store = fx.Tenant.Store;
        var tier = await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3", "VISIOCLIENT" }, tier: 2, disabled: new[] { "EXCHANGE_S_ENTERPRISE" });
        var kiosk = store.AddUser("kiosk@" + fx.Tenant.DefaultDomain, u => u.UsageLocation = "DE");
        // F3 directly: its Exchange Online Kiosk excludes the E3 Exchange plan the change would switch on.
        store.AssignLicense(kiosk.Id, Guid.Parse("66b55226-6b4f-492c-910c-a3b7a3c9d993"));
        store.AddMember(tier.GroupId, kiosk.Id);
        fx.Tenant.Settle();
        Assert.All(store.GetUser(kiosk.Id).LicenseAssignmentStates.Where(s => s.AssignedByGroup == tier.GroupId), s => Assert.Equal("Active", s.State));

        // Dropping Visio takes it from the member, hence -Force.
        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", Sku = new[] { "SPE_E3" }, DisabledPlan = Array.Empty<string>(), Description = "All of E3", Force = true }, new CollectingSink());
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink()));
        Assert.Equal(ErrorIds.TierReplacementNotActive, ex.Error.Id);
        fx.Tenant.Settle();

        var group = store.FindGroup(tier.GroupId)!;
        Assert.Equal(2, group.AssignedLicenses.Count);
        Assert.Null(group.Description);
        var states = store.GetUser(kiosk.Id).LicenseAssignmentStates.Where(s => s.AssignedByGroup == tier.GroupId).ToList();
        Assert.Equal(new[] { E3, Visio }.OrderBy(g => g), states.Select(s => s.SkuId).OrderBy(g => g));
        Assert.All(states, s => Assert.Equal("Active", s.State));
    }

    [Fact]
    public async Task LicensesThatExcludeTheTiersCurrentOnesAreRefusedRatherThanSwappedWithAGap()
    {
        using var fx = new EngineFixture();
        var tier = await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var member = fx.Tenant.Store.AddUser("kiosk@" + fx.Tenant.DefaultDomain, u => u.UsageLocation = "DE");
        fx.Tenant.Store.AddMember(tier.GroupId, member.Id);
        fx.Tenant.Settle();

        // Microsoft 365 F3's Exchange Online Kiosk excludes E3's Exchange Online (Plan 2).
        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", Sku = new[] { "SPE_F1" }, Force = true }, new CollectingSink());
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink()));
        Assert.Equal(ErrorIds.TierLicensesExclusive, ex.Error.Id);
        fx.Tenant.Settle();
        Assert.Equal(E3, Assert.Single(fx.Tenant.Store.FindGroup(tier.GroupId)!.AssignedLicenses).SkuId);
        Assert.Equal("Active", Assert.Single(fx.Tenant.Store.GetUser(member.Id).LicenseAssignmentStates).State);
    }

    [Fact]
    public async Task RemovingATierRefusesWhileMembersWouldLoseTheirOnlyLicenseUnlessForced()
    {
        using var fx = new EngineFixture();
        var tier = await fx.NewTierAsync("LIC-Visio", new[] { "SPE_E3" }, tier: 5);
        var lonely = fx.Tenant.Store.AddUser("lonely@" + fx.Tenant.DefaultDomain, u => u.UsageLocation = "US");
        fx.Tenant.Store.AddMember(tier.GroupId, lonely.Id);
        fx.Tenant.Settle();

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.PlanRemoveTierGroupAsync(new RemoveTierGroupRequest { Group = "LIC-Visio" }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierGroupInUse, ex.Error.Id);
        Assert.Contains("1 member", ex.Error.Message);

        var plan = await fx.Engine.PlanRemoveTierGroupAsync(new RemoveTierGroupRequest { Group = "LIC-Visio", Force = true }, new CollectingSink());
        Assert.Contains(plan.Warnings, w => w.Contains("lonely@"));
        Assert.Null(await fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink()));
        fx.Tenant.Settle();
        Assert.Null(fx.Tenant.Store.FindGroup(tier.GroupId));
        Assert.Empty(fx.Tenant.Store.GetUser(lonely.Id).LicenseAssignmentStates);
    }

    [Fact]
    public async Task SetTurnsAStaticTierDynamicAndBackKeepingWhoeverTheRuleLastChose()
    {
        using var fx = new EngineFixture();
        var store = fx.Tenant.Store;
        var tier = await fx.NewTierAsync("LIC-Legal", new[] { "SPE_E3" }, tier: 40);
        var byHand = store.AddUser("byhand@" + fx.Tenant.DefaultDomain, u => { u.UsageLocation = "FR"; u.Department = "Facilities"; });
        store.AddMember(tier.GroupId, byHand.Id);

        var toDynamic = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-Legal", MembershipRule = "user.department -eq \"Legal\"" }, new CollectingSink());
        Assert.Contains(toDynamic.Warnings, w => w.Contains("becomes dynamic"));
        var dynamicTier = await fx.Engine.ApplyTierGroupPlanAsync(toDynamic, new CollectingSink());
        fx.Tenant.Settle();

        Assert.Equal("Dynamic", dynamicTier!.MembershipType);
        var legal = store.Users.Where(u => u.Department == "Legal").Select(u => u.Id).OrderBy(id => id).ToList();
        Assert.NotEmpty(legal);
        Assert.Equal(legal, store.FindGroup(tier.GroupId)!.Members.OrderBy(id => id));

        var toStatic = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-Legal", MembershipRule = "" }, new CollectingSink());
        var staticTier = await fx.Engine.ApplyTierGroupPlanAsync(toStatic, new CollectingSink());
        fx.Tenant.Settle();

        Assert.Equal("Static", staticTier!.MembershipType);
        Assert.Null(staticTier.MembershipRule);
        Assert.Equal(legal, store.FindGroup(tier.GroupId)!.Members.OrderBy(id => id));
    }

    [Fact]
    public async Task GetNamesUnknownTiersWithTheClosestAndFiltersByWildcard()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1);
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);

        Assert.Equal(2, (await fx.TiersAsync("LIC-M365-*")).Count);
        var sink = new CollectingSink();
        await fx.Engine.GetTierGroupsAsync(new GetTierGroupRequest { Name = new[] { "LIC-M365-Tier3" } }, sink);
        Assert.Empty(sink.Of<LicenseTierGroup>());
        Assert.Equal(ErrorIds.GroupNotFound, Assert.Single(sink.Errors).Id);
    }

    [Fact]
    public async Task GetSaysAGroupThatExistsButIsNoTierIsNoTier_AndHowToMakeItOne()
    {
        using var fx = new EngineFixture();
        var sink = new CollectingSink();

        await fx.Engine.GetTierGroupsAsync(new GetTierGroupRequest { Name = new[] { "LIC-M365-E3" } }, sink);

        Assert.Empty(sink.Of<LicenseTierGroup>());
        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.NotATierGroup, error.Id);
        Assert.Contains("exists but is not a licence tier", error.Message);
        Assert.Contains("New-LicenseTierGroup -Name 'LIC-M365-E3'", error.Message);
    }
}
