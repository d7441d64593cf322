using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>Document 000's tiers with their packages, and New-TierLifecycleWorkflow planned and applied the way the cmdlet does.</summary>
internal static class TierWorkflowSteps
{
    public const string Tier1 = "LIC-M365-Tier1";
    public const string Tier2 = "LIC-M365-Tier2";
    public const string Tier3 = "LIC-M365-Tier3";

    /// <summary>Tier1 (SPE_F1, the baseline), Tier2 (SPE_E3) and Tier3 (SPE_E5), each with its access package.</summary>
    public static async Task Document000TiersAsync(this EngineFixture fx)
    {
        await fx.NewTierAsync(Tier1, new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync(Tier2, new[] { "SPE_E3" }, tier: 2);
        await fx.NewTierAsync(Tier3, new[] { "SPE_E5" }, tier: 3);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier1, Approval = "None" });
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier2 });
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier3, ExpirationDays = 180, AllowCustomEndDate = true });
    }

    public static Task<TierLifecycleWorkflowPlan> PlanWorkflowsAsync(this EngineFixture fx, bool noSchedule = false) =>
        fx.Engine.PlanTierLifecycleWorkflowsAsync(new TierLifecycleWorkflowRequest { NoSchedule = noSchedule }, new CollectingSink());

    public static async Task<TierLifecycleWorkflow[]> NewWorkflowsAsync(this EngineFixture fx, bool noSchedule = false) =>
        await fx.Engine.ApplyTierLifecycleWorkflowPlanAsync(await fx.PlanWorkflowsAsync(noSchedule), new CollectingSink());

    public static async Task<GovernanceError> WorkflowsFailAsync(this EngineFixture fx) =>
        (await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.PlanWorkflowsAsync())).Error;

    /// <summary>
    /// How long, within [from, to], the user held none of <paramref name="skuIds"/> by any source, from the licence timeline
    /// (changes at one instant count as none: a loss and a gain at the same tick leave no measurable time).
    /// </summary>
    public static TimeSpan TimeWithout(this LicenseTimeline timeline, Guid userId, IReadOnlyCollection<Guid> skuIds, DateTimeOffset from, DateTimeOffset to)
    {
        var without = TimeSpan.Zero;
        var cursor = from;
        var held = timeline.HeldAt(userId, from).Any(skuIds.Contains);
        foreach (var at in timeline.EventsFor(userId).Select(e => e.At).Where(t => t > from && t <= to).Distinct())
        {
            without += held ? TimeSpan.Zero : at - cursor;
            (cursor, held) = (at, timeline.HeldAt(userId, at).Any(skuIds.Contains));
        }

        return without + (held ? TimeSpan.Zero : to - cursor);
    }
}
