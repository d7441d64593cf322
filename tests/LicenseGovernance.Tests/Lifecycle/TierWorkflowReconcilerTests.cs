using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using Xunit;
using Xunit.Abstractions;
using static LicenseGovernance.Tests.Lifecycle.TierWorkflowSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// The companion of <see cref="TierWorkflowGapTests"/>: the same tenant, tiers and end dates, with Sync-LicenseTier run every
/// hour with its default look-ahead. The gap the workflows leave is closed, with the workflows' schedule off and on.
/// </summary>
public sealed class TierWorkflowReconcilerTests
{
    private static readonly TimeSpan Hourly = TimeSpan.FromHours(1);

    private readonly ITestOutputHelper _output;

    public TierWorkflowReconcilerTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnHourlyReconciler_KeepsUsersWhoseTier3EndsBetweenWorkflowRuns_AlwaysWithAMailboxLicence(bool workflowsScheduled)
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        await fx.NewWorkflowsAsync(noSchedule: !workflowsScheduled);
        var store = fx.Tenant.Store;
        var run = fx.Tenant.Clock.UtcNow.AddHours(store.WorkflowScheduleIntervalInHours).AddDays(1);
        var late = await fx.Tier3UntilAsync("ends-two-hours-before-a-run", run.AddHours(-2));
        var early = await fx.Tier3UntilAsync("ends-just-after-a-run", run.AddHours(-3).AddMinutes(1));
        var last = await fx.Tier3UntilAsync("ends-half-an-hour-before-a-run", run.AddMinutes(-30));
        store.ProcessPendingNow();
        var from = fx.Tenant.Clock.UtcNow;

        await HourlyUntilAsync(fx, run.AddHours(4));

        foreach (var e in store.LicenseErrors.Of("MutuallyExclusiveViolation").Where(e => e.At >= from))
        {
            _output.WriteLine($"{e.At:HH:mm:ss} {store.GetUser(e.UserId).UserPrincipalName} {e.Error} (run at {run:HH:mm})");
        }

        foreach (var user in new[] { late, early, last })
        {
            var without = store.LicenseTimeline.TimeWithout(user.Id, fx.Tenant.MailboxSkus(), from, fx.Tenant.Clock.UtcNow);
            _output.WriteLine($"{user.UserPrincipalName}, workflows {(workflowsScheduled ? "scheduled" : "not scheduled")}: without a mailbox licence for {without.TotalSeconds:0} s.");
            Assert.Empty(store.LicenseTimeline.Gaps(user.Id, fx.Tenant.MailboxSkus(), from, fx.Tenant.Clock.UtcNow, heldWhenUnchanged: true));
            Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_F1"));
            Assert.False(fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        }

        Assert.Empty(store.LicenseErrors.Of("MutuallyExclusiveViolation").Where(e => e.At >= from));
    }

    [Fact]
    public async Task AnUpgradeThroughMoveUserLicenseTier_WithTheWorkflowsScheduled_NeverMeetsMutuallyExclusiveViolation()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        await fx.NewWorkflowsAsync();
        var store = fx.Tenant.Store;
        var user = fx.Tenant.NewRequestor("upgraded").User;
        await fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = Tier1, Justification = "Baseline" });
        await HourlyUntilAsync(fx, store.NextScheduledWorkflowRun!.Value.AddMinutes(30));
        var from = fx.Tenant.Clock.UtcNow;

        var moved = await fx.Engine.ApplyUserTierMovePlanAsync(
            await fx.Engine.PlanUserTierMoveAsync(new MoveUserLicenseTierRequest { User = user.UserPrincipalName, Tier = Tier3, EndDate = from.AddDays(30) }, new CollectingSink()), new CollectingSink());
        await HourlyUntilAsync(fx, store.NextScheduledWorkflowRun!.Value.AddHours(4));

        Assert.Equal(TierMoveOutcome.Moved, moved.Outcome);
        Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        Assert.Empty(store.LicenseTimeline.Gaps(user.Id, fx.Tenant.MailboxSkus(), from, fx.Tenant.Clock.UtcNow, heldWhenUnchanged: true));
        Assert.Empty(store.LicenseErrors.Of("MutuallyExclusiveViolation").Where(e => e.At >= from));
    }

    /// <summary>
    /// How the two fight when both are scheduled: a reconciler running half an hour after the restore workflow finds the
    /// baseline it gave back already beside the bridge of Tier3, so the baseline's licence is in MutuallyExclusiveViolation
    /// until that run swaps the user onto it. No gap, and one tier after; Sync-LicenseTier is meant to replace the workflows.
    /// </summary>
    [Fact]
    public async Task AReconcilerRunningAfterTheRestoreWorkflow_FindsTheBaselineBesideTheBridge_UntilItsRun_WithoutAGap()
    {
        using var fx = new EngineFixture();
        await fx.Document000TiersAsync();
        await fx.NewWorkflowsAsync();
        var store = fx.Tenant.Store;
        var run = store.NextScheduledWorkflowRun!.Value.AddDays(1);
        var user = await fx.Tier3UntilAsync("ends-between-reconciler-and-workflow", run.AddMinutes(-15));
        store.ProcessPendingNow();
        var from = fx.Tenant.Clock.UtcNow;
        fx.Tenant.Clock.Set(run.AddHours(-20).AddMinutes(30));

        await HourlyUntilAsync(fx, run.AddHours(2));

        var fights = store.LicenseErrors.Of("MutuallyExclusiveViolation").Where(e => e.At >= from).ToList();
        var fight = Assert.Single(fights);
        Assert.Equal((user.Id, store.Skus.Single(s => s.SkuPartNumber == "SPE_F1").SkuId), (fight.UserId, fight.SkuId));
        Assert.InRange(fight.At, run, run.AddMinutes(30));
        Assert.Empty(store.LicenseTimeline.Gaps(user.Id, fx.Tenant.MailboxSkus(), from, fx.Tenant.Clock.UtcNow, heldWhenUnchanged: true));
        Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_F1"));
        Assert.Equal("Active", store.GetUser(user.Id).LicenseAssignmentStates.Single().State);
    }


    /// <summary>Sync-LicenseTier on the hour, as a runbook schedules it, until <paramref name="until"/>; the tenant's own work runs in between.</summary>
    private static async Task HourlyUntilAsync(EngineFixture fx, DateTimeOffset until)
    {
        var next = fx.Tenant.Clock.UtcNow;
        while (next <= until)
        {
            if (next > fx.Tenant.Clock.UtcNow)
            {
                fx.Tenant.Clock.Set(next);
            }

            await fx.Engine.SyncLicenseTiersAsync(new SyncLicenseTierRequest(), new CollectingSink());
            next += Hourly;
        }
    }
}
