using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>Get-LicenseTierConflict names each way users stand outside "exactly one tier", with the command that fixes it.</summary>
public sealed class TierConflictTests
{
    [Fact]
    public async Task EachKindOfConflictIsFound_WithItsRemedy_AndSyncClearsThem()
    {
        using var fx = await TiersAsync(users: 6);
        var tenant = fx.Tenant;
        var w = tenant.Workers();
        tenant.AdminAdd(w[0].Id, Tier3, tenant.Clock.UtcNow.AddDays(30));                         // Tier1 + Tier3, E5 in error beside F1
        tenant.Store.AssignLicense(w[1].Id, tenant.Sku("SPE_F1"));                                // Tier1 and its SKU directly
        tenant.Store.RemoveMember(tenant.Group(Tier1).Id, w[2].Id);
        tenant.Store.AssignLicense(w[2].Id, tenant.Sku("SPE_F1"));                                // a tier's SKU, no tier
        tenant.Store.RemoveMember(tenant.Group(Tier1).Id, w[3].Id);
        tenant.AdminAdd(w[3].Id, Tier2, tenant.Clock.UtcNow.AddDays(1));                          // its tier ends: no tier
        tenant.Store.RemoveMember(tenant.Group(Tier1).Id, w[4].Id);
        tenant.Settle();
        tenant.Store.AddMember(tenant.Group(Tier2).Id, w[4].Id);                                  // Tier2 by hand: ungoverned
        tenant.Settle();
        tenant.Clock.Advance(TimeSpan.FromDays(2));
        tenant.Settle();

        var conflicts = await ConflictsAsync(fx);

        Assert.Equal(new[] { TierConflictKind.MultipleTiers, TierConflictKind.TierLicenseError }, Kinds(conflicts, w[0].Id));
        Assert.Equal(new[] { TierConflictKind.TierAndDirect }, Kinds(conflicts, w[1].Id));
        Assert.Equal(new[] { TierConflictKind.DirectWithoutTier }, Kinds(conflicts, w[2].Id));
        Assert.Equal(new[] { TierConflictKind.NoTier }, Kinds(conflicts, w[3].Id));
        Assert.Equal(new[] { TierConflictKind.UngovernedMembership }, Kinds(conflicts, w[4].Id));
        Assert.Empty(Kinds(conflicts, w[5].Id));
        Assert.Contains("MutuallyExclusiveViolation", conflicts.Single(c => c.UserId == w[0].Id && c.Kind == TierConflictKind.TierLicenseError).Detail);
        Assert.Contains("Move-UserLicenseTier", conflicts.Single(c => c.UserId == w[2].Id).Remedy);
        Assert.All(conflicts, c => Assert.NotEmpty(c.Remedy));
        Assert.Single(await ConflictsAsync(fx, new GetLicenseTierConflictRequest { Kind = new[] { TierConflictKind.NoTier } }));

        await fx.SyncAsync();
        tenant.Settle();
        var left = await ConflictsAsync(fx);
        Assert.Equal(new[] { w[2].Id, w[4].Id }, left.Select(c => c.UserId).Distinct().OrderBy(id => w.ToList().FindIndex(u => u.Id == id)));
    }

    [Fact]
    public async Task ADynamicBaseline_IsReported_AndAnExclusiveMoveOutOfItIsLeftAloneWithTheRemedy()
    {
        using var fx = await TiersAsync(users: 2);
        var tenant = fx.Tenant;
        tenant.Store.UpdateGroup(tenant.Group(Tier1).Id, g =>
        {
            g.GroupTypes.Add("DynamicMembership");
            g.MembershipRule = "user.accountEnabled -eq true";
            g.MembershipRuleProcessingState = "On";
        });
        tenant.Settle();
        var user = tenant.Workers()[0];
        tenant.AdminAdd(user.Id, Tier3, tenant.Clock.UtcNow.AddDays(30));
        tenant.Settle();

        var conflicts = await ConflictsAsync(fx, new GetLicenseTierConflictRequest { User = new[] { user.UserPrincipalName } });
        var skipped = (await fx.SyncAsync()).Result(user.Id);

        Assert.Equal(new[] { TierConflictKind.MultipleTiers, TierConflictKind.DynamicBaseline, TierConflictKind.TierLicenseError }, Kinds(conflicts, user.Id));
        Assert.Equal(TierMoveOutcome.Skipped, skipped.Outcome);
        Assert.Contains("dynamic membership", skipped.Detail);
        Assert.Contains("rule", skipped.Remedy);
        Assert.Contains(user.Id, tenant.Group(Tier1).Members);
    }

    private static async Task<List<TierConflict>> ConflictsAsync(LicenseGovernance.Tests.Engine.EngineFixture fx, GetLicenseTierConflictRequest? request = null)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetLicenseTierConflictsAsync(request ?? new GetLicenseTierConflictRequest(), sink);
        Assert.Empty(sink.Errors);
        return sink.Of<TierConflict>().ToList();
    }

    private static TierConflictKind[] Kinds(List<TierConflict> conflicts, Guid user) => conflicts.Where(c => c.UserId == user).Select(c => c.Kind).OrderBy(k => k).ToArray();
}
