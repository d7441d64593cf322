using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Tiers;

/// <summary>Plans and applies tier requests the way the cmdlets do, against a simulated tenant.</summary>
internal static class TierSteps
{
    public static async Task<LicenseTierGroup> NewTierAsync(this EngineFixture fx, string name, string[] sku, int? tier = null, bool baseline = false,
        string[]? enabled = null, string[]? disabled = null, string? rule = null, string? description = null, bool force = false)
    {
        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest
        {
            Name = name, CreateIfMissing = true, Sku = sku, Rank = tier, Baseline = baseline, EnabledPlan = enabled, DisabledPlan = disabled,
            MembershipRule = rule, Description = description, Force = force,
        }, new CollectingSink());
        var result = await fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink());
        return Assert.IsType<LicenseTierGroup>(result);
    }

    public static async Task<List<LicenseTierGroup>> TiersAsync(this EngineFixture fx, params string[] names)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetTierGroupsAsync(new GetTierGroupRequest { Name = names.Length == 0 ? null : names }, sink);
        Assert.Empty(sink.Errors);
        return sink.Of<LicenseTierGroup>().ToList();
    }

    public static async Task<GovernanceError> PlanFailsAsync(this EngineFixture fx, TierGroupRequest request)
    {
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.PlanTierGroupAsync(request, new CollectingSink()));
        return ex.Error;
    }

    /// <summary>Lets Entra (the simulator) finish every queued licence and membership job.</summary>
    public static void Settle(this SimulatedTenant tenant) => tenant.Clock.Advance(TimeSpan.FromHours(2));
}
