using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Model;
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

    /// <summary>A new user holding Tier3 through its package until <paramref name="end"/>, as a subcontractor's manager asks for it.</summary>
    public static async Task<SimulatedUser> Tier3UntilAsync(this EngineFixture fx, string name, DateTimeOffset end)
    {
        var user = fx.Tenant.NewRequestor(name).User;
        await fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = Tier3, EndDate = end, Justification = "Subcontract" });
        return user;
    }

    public static Task<TierLifecycleWorkflowPlan> PlanWorkflowsAsync(this EngineFixture fx, bool noSchedule = false) =>
        fx.Engine.PlanTierLifecycleWorkflowsAsync(new TierLifecycleWorkflowRequest { NoSchedule = noSchedule }, new CollectingSink());

    public static async Task<TierLifecycleWorkflow[]> NewWorkflowsAsync(this EngineFixture fx, bool noSchedule = false) =>
        await fx.Engine.ApplyTierLifecycleWorkflowPlanAsync(await fx.PlanWorkflowsAsync(noSchedule), new CollectingSink());

    public static async Task<GovernanceError> WorkflowsFailAsync(this EngineFixture fx) =>
        (await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.PlanWorkflowsAsync())).Error;

    /// <summary>
    /// How long, within [from, to], the user held none of <paramref name="skuIds"/> by any source: the timeline's periods
    /// without, clipped to the window (a zero-second period adds nothing).
    /// </summary>
    public static TimeSpan TimeWithout(this LicenseTimeline timeline, Guid userId, IReadOnlyCollection<Guid> skuIds, DateTimeOffset from, DateTimeOffset to) =>
        timeline.PeriodsWithout(userId, skuIds.Contains)
            .Select(p => (Start: p.Start > from ? p.Start : from, End: p.End == null || p.End > to ? to : p.End.Value))
            .Where(p => p.End > p.Start)
            .Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));
}
