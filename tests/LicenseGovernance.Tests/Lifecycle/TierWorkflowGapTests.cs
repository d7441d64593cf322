using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using Xunit;
using Xunit.Abstractions;
using static LicenseGovernance.Tests.Lifecycle.TierWorkflowSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// Document 000's own workflows, as New-TierLifecycleWorkflow creates them, run on the simulated tenant's schedule: the
/// gap they leave, measured on the licence timeline. Sync-LicenseTier closing it is the Lifecycle area's own test.
/// </summary>
public sealed class TierWorkflowGapTests
{
    private readonly ITestOutputHelper _output;

    public TierWorkflowGapTests(ITestOutputHelper output) => _output = output;


    [Fact]
    public async Task WhenTier3ExpiresTheUserHoldsNoMailboxLicenceUntilTheNextScheduledRunRestoresTheBaseline()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        await fx.NewWorkflowsAsync();
        var store = fx.Tenant.Store;
        var run = store.NextScheduledWorkflowRun!.Value.AddDays(1);
        var late = await fx.Tier3UntilAsync("ends-two-hours-before-a-run", run.AddHours(-2));
        var early = await fx.Tier3UntilAsync("ends-just-after-a-run", run.AddHours(-3).AddMinutes(1));
        store.ProcessPendingNow();
        Assert.True(fx.Tenant.HoldsSku(late.Id, "SPE_E5"));

        fx.Tenant.Clock.Set(run.AddHours(1));

        Assert.True(fx.Tenant.HoldsSku(late.Id, "SPE_F1"));
        Assert.True(fx.Tenant.HoldsSku(early.Id, "SPE_F1"));
        var lateGap = store.LicenseTimeline.TimeWithout(late.Id, fx.Tenant.MailboxSkus(), run.AddHours(-4), run.AddHours(1));
        var earlyGap = store.LicenseTimeline.TimeWithout(early.Id, fx.Tenant.MailboxSkus(), run.AddHours(-4), run.AddHours(1));
        _output.WriteLine($"Schedule every {store.WorkflowScheduleIntervalInHours} h: without a mailbox licence for {lateGap.TotalSeconds:0} s (ended 2 h before the run) and {earlyGap.TotalSeconds:0} s (ended 1 min after the previous run).");
        Assert.InRange(lateGap, TimeSpan.FromHours(2) - TimeSpan.FromMinutes(2), TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10));
        Assert.InRange(earlyGap, TimeSpan.FromHours(3) - TimeSpan.FromMinutes(3), TimeSpan.FromHours(3) + TimeSpan.FromMinutes(10));
        var restore = store.Workflows.Single(w => w.Conditions.ChangeType == "remove");
        Assert.Equal(2, Assert.Single(restore.Runs).UserResults.Count);
    }

    [Fact]
    public async Task AnUpgradeFromTheBaselineLeavesTier3InMutuallyExclusiveViolationAndTheRemovalWorkflowThenTakesTheLastLicence()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        await fx.NewWorkflowsAsync();
        var store = fx.Tenant.Store;
        var (user, _) = fx.Tenant.NewRequestor("upgraded");
        await fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = Tier1, Justification = "Baseline" });
        var firstRun = store.NextScheduledWorkflowRun!.Value;
        fx.Tenant.Clock.Set(firstRun.AddMinutes(30));
        Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_F1"));

        await fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = Tier3, Justification = "Subcontract" });
        store.ProcessPendingNow();
        var e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        Assert.Equal(("Error", "MutuallyExclusiveViolation"), store.GetUser(user.Id).LicenseAssignmentStates.Where(s => s.SkuId == e5).Select(s => (s.State, s.Error)).Single());

        var removal = store.NextScheduledWorkflowRun!.Value;
        fx.Tenant.Clock.Set(removal.AddHours(1));

        Assert.False(fx.Tenant.HoldsSku(user.Id, "SPE_F1"));
        Assert.False(fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        Assert.Equal("expired", store.AccessPackageAssignments.Single(a => a.TargetId == user.Id && store.AccessPackages.Single(p => p.Id == a.AccessPackageId).DisplayName == Tier1).State);
        var without = store.LicenseTimeline.TimeWithout(user.Id, fx.Tenant.MailboxSkus(), removal, removal.AddHours(1));
        _output.WriteLine($"After the removal workflow at {removal:HH:mm}: without a mailbox licence for {without.TotalSeconds:0} s of the next hour, and still E5 in error until reprocessed.");
        Assert.InRange(without, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
    }
}
