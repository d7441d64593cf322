using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Tiers;

/// <summary>
/// No data destroyed without -Force: a tier change that takes licences from members, an existing dynamic group made a
/// tier, a rule on a tier an access package hands out. "Nothing changed" is checked on the tenant and in the journal.
/// </summary>
public sealed class TierChangeSafetyTests : IDisposable
{
    private static readonly Guid E3 = Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static readonly Guid E5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
    private static readonly Guid Office365E3 = Guid.Parse("6fd2c87f-b296-42f0-b197-1e91e994b900");

    private readonly EngineFixture _fx = new EngineFixture();

    public void Dispose() => _fx.Dispose();

    private TenantStore Store => _fx.Tenant.Store;

    /// <summary>A tier whose members hold its SKU from it, every seat the test needs free.</summary>
    private async Task<(LicenseTierGroup Tier, List<SimulatedUser> Members)> TierWithMembersAsync(string name, string sku, int tier, int members)
    {
        foreach (var id in new[] { E3, E5 })
        {
            Store.SetPrepaidUnits(id, Store.GetSku(id)!.ConsumedUnits + 20);
        }

        var created = await _fx.NewTierAsync(name, new[] { sku }, tier: tier);
        var users = Enumerable.Range(1, members).Select(i => Store.AddUser($"{name.ToLowerInvariant()}-{i}@{_fx.Tenant.DefaultDomain}", u => u.UsageLocation = "DE")).ToList();
        users.ForEach(u => Store.AddMember(created.GroupId, u.Id));
        _fx.Tenant.Settle();
        return (created, users);
    }

    private IReadOnlyList<JournalEntry> Journal() => File.Exists(_fx.Engine.JournalPath) ? new JournalFile(_fx.Engine.JournalPath).Load(out _) : Array.Empty<JournalEntry>();

    private bool HoldsFromGroup(SimulatedUser user, Guid sku, Guid group) =>
        Store.GetUser(user.Id).LicenseAssignmentStates.Any(s => s.SkuId == sku && s.AssignedByGroup == group && s.HoldsSeat);

    private static TierGroupRequest Swap(string name, bool force = false) =>
        new TierGroupRequest { Name = name, CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Rank = 3, Force = force };

    [Fact]
    public async Task ASkuSwapThatTakesTheOldSkuIsRefusedWithoutForceCountingOnlyMembersWithNoOtherSource()
    {
        var (tier, members) = await TierWithMembersAsync("LIC-M365-E5-Tier", "SPE_E5", 3, 4);
        Store.AssignLicense(members[0].Id, E5);
        var journaled = Journal().Count;
        _fx.Tenant.Statistics.Reset();

        var refused = await _fx.PlanFailsAsync(Swap("LIC-M365-E5-Tier"));
        var bySet = await _fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-E5-Tier", Sku = new[] { "SPE_E3" } });

        Assert.Equal(ErrorIds.TierChangeTakesLicenses, refused.Id);
        Assert.Contains("SPE_E5: 3 of 4 member(s) holding it lose it", refused.Message);
        Assert.Contains("-Force", refused.Message);
        Assert.Equal(ErrorIds.TierChangeTakesLicenses, bySet.Id);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
        Assert.Equal(journaled, Journal().Count);
        Assert.Equal(E5, Assert.Single(Store.FindGroup(tier.GroupId)!.AssignedLicenses).SkuId);
        Assert.All(members, m => Assert.True(HoldsFromGroup(m, E5, tier.GroupId)));

        var forced = await _fx.Engine.PlanTierGroupAsync(Swap("LIC-M365-E5-Tier", force: true), new CollectingSink());
        var loss = Assert.Single(forced.Losses);
        Assert.Equal(("SPE_E5", (string?)null, 4, 3), (loss.SkuPartNumber, loss.ServicePlan, loss.Holders, loss.Losing));
        Assert.Contains("members lose: SPE_E5: 3 of 4", ((IChangePlan)forced).Description);
        Assert.Contains(forced.Warnings, w => w.Contains("(-Force)") && w.Contains("SPE_E5"));
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task SwitchingOffAPlanCountsOnlyMembersWhoHaveItFromNoOtherLicence()
    {
        var (tier, members) = await TierWithMembersAsync("LIC-M365-E3-Tier", "SPE_E3", 2, 3);
        // Office 365 E3 held directly also carries Yammer.
        Store.SetPrepaidUnits(Office365E3, Store.GetSku(Office365E3)!.ConsumedUnits + 1);
        Store.AssignLicense(members[0].Id, Office365E3);
        var fewerPlans = new TierGroupRequest { Name = "LIC-M365-E3-Tier", DisabledPlan = new[] { "YAMMER_ENTERPRISE" } };
        _fx.Tenant.Statistics.Reset();

        var refused = await _fx.PlanFailsAsync(fewerPlans);

        Assert.Equal(ErrorIds.TierChangeTakesLicenses, refused.Id);
        Assert.Contains("YAMMER_ENTERPRISE in SPE_E3: 2 of 3 member(s) holding it lose it", refused.Message);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
        Assert.Empty(Assert.Single(Store.FindGroup(tier.GroupId)!.AssignedLicenses).DisabledPlans);

        fewerPlans.Force = true;
        var plan = await _fx.Engine.PlanTierGroupAsync(fewerPlans, new CollectingSink());
        Assert.Equal("YAMMER_ENTERPRISE", Assert.Single(plan.Losses).ServicePlan);
        var applied = await _fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink());
        Assert.Equal(new[] { "YAMMER_ENTERPRISE" }, Assert.Single(applied!.Skus).DisabledPlans);
    }

    [Fact]
    public async Task AChangeThatTakesNothingNeedsNoForce()
    {
        var (_, members) = await TierWithMembersAsync("LIC-M365-E5-Tier", "SPE_E5", 3, 2);
        members.ForEach(m => Store.AssignLicense(m.Id, E5));

        var plan = await _fx.Engine.PlanTierGroupAsync(Swap("LIC-M365-E5-Tier"), new CollectingSink());

        var loss = Assert.Single(plan.Losses);
        Assert.Equal((2, 0), (loss.Holders, loss.Losing));
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("(-Force)"));
    }

    [Fact]
    public async Task AForcedSkuSwapIsUndoneAndMembersGetTheOldSkuBackThroughTheGroup()
    {
        var (tier, members) = await TierWithMembersAsync("LIC-M365-E5-Tier", "SPE_E5", 3, 3);
        var plan = await _fx.Engine.PlanTierGroupAsync(Swap("LIC-M365-E5-Tier", force: true), new CollectingSink());
        await _fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink());
        _fx.Tenant.Settle();
        Assert.All(members, m => Assert.False(HoldsFromGroup(m, E5, tier.GroupId)));
        var swap = Journal().Last().CorrelationId;
        Assert.Equal(new[] { true, true }, Journal().Where(e => e.CorrelationId == swap).Select(e => e.ToOutput().Reversible));

        var sink = new CollectingSink();
        await _fx.Engine.UndoChangesAsync(new UndoChangeRequest { CorrelationId = swap }, sink);
        _fx.Tenant.Settle();

        Assert.Empty(sink.Errors);
        Assert.Equal(new[] { LicenseChangeUndoStatus.Undone, LicenseChangeUndoStatus.Undone }, sink.Of<LicenseChangeUndoResult>().Select(r => r.Status));
        var licence = Assert.Single(Store.FindGroup(tier.GroupId)!.AssignedLicenses);
        Assert.Equal(E5, licence.SkuId);
        Assert.Empty(licence.DisabledPlans);
        Assert.All(members, m =>
        {
            Assert.True(HoldsFromGroup(m, E5, tier.GroupId));
            Assert.False(HoldsFromGroup(m, E3, tier.GroupId));
            // The licence timeline shows E5 from the tier held, taken and given back.
            var e5 = Store.LicenseTimeline.EventsFor(m.Id).Where(e => e.SkuId == E5 && e.AssignedByGroup == tier.GroupId).Select(e => e.Gained);
            Assert.Equal(new[] { true, false, true }, e5);
        });
    }

    [Fact]
    public async Task AnExistingDynamicGroupMadeATierKeepsItsRuleAndDescriptionAsSetDoes()
    {
        var group = Store.Groups.Single(g => g.DisplayName == "DYN-E3-All");
        var rule = group.MembershipRule;

        var tier = await _fx.NewTierAsync("DYN-E3-All", new[] { "SPE_F1" }, tier: 35);

        Assert.Equal(("Dynamic", rule, "Everyone tagged E3 All"), (tier.MembershipType, tier.MembershipRule, tier.Description));
        Assert.Contains("DynamicMembership", Store.FindGroup(group.Id)!.GroupTypes);
        Assert.DoesNotContain(Journal(), e => e.Operation == "Group.Update");

        var described = await _fx.NewTierAsync("DYN-E3-All", new[] { "SPE_F1" }, tier: 35, description: "F3 for everyone tagged E3 All");
        Assert.Equal(("Dynamic", rule, "F3 for everyone tagged E3 All"), (described.MembershipType, described.MembershipRule, described.Description));
        var update = Assert.Single(Journal(), e => e.Operation == "Group.Update");
        Assert.Contains("DynamicMembership", update.After!.Value.GetProperty("groupTypes").GetRawText());

        var set = await _fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "DYN-E3-All", Rank = 36 }, new CollectingSink());
        Assert.DoesNotContain(set.Changes, c => c.Property == "MembershipRule");
    }

    [Fact]
    public async Task ARuleOnATierAnAccessPackageHandsOutIsRefusedNamingThePackageAndTheWayOut()
    {
        var tier = await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var package = await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3" });
        var journaled = Journal().Count;
        _fx.Tenant.Statistics.Reset();
        const string rule = "user.department -eq \"Engineering\"";

        var bySet = await _fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-Tier3", MembershipRule = rule });
        var byNew = await _fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-Tier3", CreateIfMissing = true, Sku = new[] { "SPE_E5" }, Rank = 3, MembershipRule = rule });

        foreach (var error in new[] { bySet, byNew })
        {
            Assert.Equal(ErrorIds.TierHandedOutByAccessPackage, error.Id);
            Assert.Contains("'" + package.Name + "'", error.Message);
            Assert.Contains("Remove-TierAccessPackage", error.Message);
            Assert.Contains("Keep the tier static", error.Message);
        }

        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
        Assert.Equal(journaled, Journal().Count);
        Assert.DoesNotContain("DynamicMembership", Store.FindGroup(tier.GroupId)!.GroupTypes);
    }

    [Fact]
    public async Task ANameLongerThanEntraAllowsIsRefusedBeforeAnythingIsJournaled()
    {
        var name = "LIC-" + new string('x', 296);
        _fx.Tenant.Statistics.Reset();

        var error = await _fx.PlanFailsAsync(new TierGroupRequest { Name = name, CreateIfMissing = true, Sku = new[] { "SPE_E3" } });

        Assert.Equal(ErrorIds.TierGroupNameTooLong, error.Id);
        Assert.Contains("300 characters", error.Message);
        Assert.Contains("at most 256", error.Message);
        Assert.DoesNotContain(name, error.Message);
        Assert.Empty(Journal());
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);

        var longest = await _fx.NewTierAsync(name.Substring(0, 256), new[] { "SPE_E3" }, tier: 4);
        Assert.Equal(256, longest.DisplayName.Length);
    }

    [Theory]
    [InlineData("LIC E5 (Executives) @ HQ; [pilot], <2026>: 'a\\b' \"c\"", "LICE5ExecutivesHQpilot2026abc")]
    [InlineData("Lizenz-Stufe Ä/Ö/Ü", "Lizenz-Stufe")]
    [InlineData("ÄÖÜ", "licensetier")]
    public async Task TheMailNicknameMadeFromANameKeepsToGraphsRules(string name, string nickname)
    {
        var plan = await _fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = name, CreateIfMissing = true, Sku = new[] { "SPE_E3" } }, new CollectingSink());

        Assert.Equal(nickname, plan.Payload.MailNickname);
    }

    [Fact]
    public async Task ALongNicknameIsCutToGraphsSixtyFourCharacters()
    {
        var plan = await _fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = new string('n', 256), CreateIfMissing = true, Sku = new[] { "SPE_E3" } }, new CollectingSink());

        Assert.Equal(64, plan.Payload.MailNickname!.Length);
    }

    [Fact]
    public async Task ARuleErrorQuotesAShortExcerptWithTheCaretUnderTheError()
    {
        var pasted = "user.department -eq \"" + new string('x', 9970) + "\"";
        var tooLong = await _fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, MembershipRule = pasted });
        Assert.Equal(ErrorIds.MembershipRuleInvalid, tooLong.Id);
        Assert.Contains("position 3073", tooLong.Message);
        Assert.True(tooLong.Message.Length < 300, $"{tooLong.Message.Length} characters");

        var clause = "user.department -eq \"Sales\" -or ";
        var rule = string.Concat(Enumerable.Repeat(clause, 40)) + "user.department -equals \"Sales\"";
        var wrong = await _fx.PlanFailsAsync(new TierGroupRequest { Name = "T", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, MembershipRule = rule });
        var lines = wrong.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("  ...", lines[1]);
        Assert.StartsWith("-equals", lines[1].Substring(lines[2].IndexOf('^')));
        Assert.True(wrong.Message.Length < 300, $"{wrong.Message.Length} characters");
    }
}
