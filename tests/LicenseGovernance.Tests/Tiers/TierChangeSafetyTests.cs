using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Tiers;

/// <summary>
/// No data destroyed: an existing dynamic group made a tier, a rule on a tier an access package hands out, a name or rule
/// refused before anything is journaled. "Nothing changed" is checked on the tenant and in the journal.
/// </summary>
public sealed class TierChangeSafetyTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture();

    public void Dispose() => _fx.Dispose();

    private TenantStore Store => _fx.Tenant.Store;

    private IReadOnlyList<JournalEntry> Journal() => File.Exists(_fx.Engine.JournalPath) ? new JournalFile(_fx.Engine.JournalPath).Load(out _) : Array.Empty<JournalEntry>();

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

        var set = await _fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "DYN-E3-All", Tier = 36 }, new CollectingSink());
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
        var byNew = await _fx.PlanFailsAsync(new TierGroupRequest { Name = "LIC-M365-Tier3", CreateIfMissing = true, Sku = new[] { "SPE_E5" }, Tier = 3, MembershipRule = rule });

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
