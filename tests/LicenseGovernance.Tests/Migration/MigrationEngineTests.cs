using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;
using Xunit;

namespace LicenseGovernance.Tests.Migration;

public class MigrationEngineTests
{
    [Fact]
    public async Task Document004_EveryUserEndsInheritingE3_NoneDirect_NoInstantWithoutIt()
    {
        using var fx = MigrationSteps.Document004(planDifference: 0, noLocation: 0);
        var sku = fx.Tenant.E3().SkuId;
        var group = fx.Tenant.AllUsers();

        var sink = await fx.MoveAsync();

        Assert.Empty(sink.Errors);
        var summary = sink.Summary();
        Assert.True(summary.Completed);
        Assert.Equal(1000, summary.Migrated);
        Assert.Equal(800, summary.AddedToGroup);
        Assert.Equal(1000, sink.Of<DirectToGroupMigrationResult>().Count(r => r.Outcome == MigrationOutcome.Migrated));
        foreach (var user in fx.Tenant.Store.Users)
        {
            Assert.False(user.HoldsDirect(sku), user.UserPrincipalName + " still holds E3 directly.");
            Assert.Equal("Active", user.FromGroup(sku, group.Id)?.State);
        }

        fx.Tenant.AssertNoInstantWithout(sku);
        fx.Tenant.AssertNoDuplicateRemovals(sku);

        // 800 new members in PATCHes of 20, 1,000 removals in $batches of 20.
        Assert.Equal(40, fx.Tenant.Statistics.CountFor("PATCH /groups/{id}"));
        Assert.Equal(50, fx.Tenant.Statistics.CountFor("POST /$batch") - 5);
    }

    [Fact]
    public async Task Document004_PlanDifferencesAreReportedAndUntouched_ErrorsKeepTheirDirectLicenseWithARemedy()
    {
        using var fx = MigrationSteps.Document004();
        var sku = fx.Tenant.E3().SkuId;
        var group = fx.Tenant.AllUsers();

        var sink = await fx.MoveAsync();

        var summary = sink.Summary();
        Assert.Equal(870, summary.Migrated);
        Assert.Equal(100, summary.Skipped);
        Assert.Equal(30, summary.Failed);
        Assert.False(summary.Completed);
        var results = sink.Of<DirectToGroupMigrationResult>().ToList();

        var differing = results.Where(r => r.Reason == "PlanDifference").ToList();
        Assert.Equal(100, differing.Count);
        Assert.All(differing, r => Assert.Contains("YAMMER_ENTERPRISE", r.Detail));
        Assert.All(differing, r => Assert.Contains("-AcceptPlanDifference", r.Remedy));
        foreach (var r in differing)
        {
            var user = fx.Tenant.Store.GetUser(r.UserId);
            Assert.True(user.HoldsDirect(sku));
            Assert.Equal(2, user.LicenseAssignmentStates.Single(s => s.AssignedByGroup == null).DisabledPlans.Count);
            Assert.DoesNotContain(r.UserId, fx.Tenant.AllUsers().Members);
        }

        var failed = results.Where(r => r.Outcome == MigrationOutcome.Failed).ToList();
        Assert.Equal(30, failed.Count);
        Assert.All(failed, r => Assert.Equal("InheritedInError", r.Reason));
        Assert.All(failed, r => Assert.Contains("usageLocation", r.Remedy));
        Assert.All(failed, r => Assert.True(fx.Tenant.Store.GetUser(r.UserId).HoldsDirect(sku)));
        Assert.All(failed, r => Assert.Equal("Error", fx.Tenant.Store.GetUser(r.UserId).FromGroup(sku, group.Id)?.State));

        fx.Tenant.AssertNoInstantWithout(sku);
        fx.Tenant.AssertNoDuplicateRemovals(sku);

        // Run again: the users in error are reported again, at once (Entra has already judged them), and nothing else moves.
        var clock = fx.Tenant.Clock.UtcNow;
        var again = (await fx.MoveAsync()).Summary();
        Assert.Equal((0, 870, 100, 30), (again.Migrated, again.AlreadyMigrated, again.Skipped, again.Failed));
        Assert.Equal(clock, fx.Tenant.Clock.UtcNow);
    }

    [Fact]
    public async Task AcceptPlanDifference_MigratesThoseUsersToTheGroupsPlans()
    {
        using var fx = MigrationSteps.Document004(users: 200, planDifference: 50, noLocation: 0, existingMembers: 0);
        var sku = fx.Tenant.E3().SkuId;

        var sink = await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, AcceptPlanDifference = true });

        Assert.Equal(200, sink.Summary().Migrated);
        Assert.All(fx.Tenant.Store.Users, u => Assert.Empty(u.FromGroup(sku, fx.Tenant.AllUsers().Id)!.DisabledPlans));
        fx.Tenant.AssertNoInstantWithout(sku);
    }

    [Fact]
    public async Task Faults_429StormsAnd503s_AndAKillDuringRemovals_ASecondRunFinishes_NothingLostOrRemovedTwice()
    {
        using var fx = MigrationSteps.Document004(planDifference: 0, noLocation: 0);
        var sku = fx.Tenant.E3().SkuId;
        // The 25th $batch is applied and its response lost, as when the process is killed mid-wave.
        fx.Tenant.Faults.Add(FaultRule.ResponseLost().ForMethod("POST").ForPath("/$batch").OnlyOutsideBatch().After(24).Times(1));
        fx.Tenant.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(2)).WithProbability(0.1));
        fx.Tenant.Faults.Add(FaultRule.ServiceUnavailable().ForPath("^/users/[^/]+/assignLicense$").OnlyInsideBatch().WithProbability(0.05));
        fx.Tenant.Faults.Add(FaultRule.ServiceUnavailable(TimeSpan.FromSeconds(1)).ForMethod("PATCH").WithProbability(0.05));

        var killed = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.MoveAsync());
        Assert.Equal(ErrorIds.GraphUnreachable, killed.Error.Id);
        var removedBefore = fx.Tenant.Store.Users.Count(u => !u.HoldsDirect(sku));
        Assert.InRange(removedBefore, 100, 999);

        var second = await fx.MoveAsync();

        Assert.Empty(second.Errors);
        var summary = second.Summary();
        Assert.True(summary.Completed);
        Assert.Equal(removedBefore, summary.AlreadyMigrated);
        Assert.Equal(1000 - removedBefore, summary.Migrated);
        Assert.Equal(0, summary.AddedToGroup);
        Assert.True(summary.Throttled > 0, "the storms should have reached the removals");
        Assert.All(fx.Tenant.Store.Users, u => Assert.False(u.HoldsDirect(sku)));
        fx.Tenant.AssertNoInstantWithout(sku);
        fx.Tenant.AssertNoDuplicateRemovals(sku);
    }

    [Fact]
    public async Task CtrlC_StopsBetweenBatches_SaysHowToResume_AndTheNextRunContinues()
    {
        using var fx = MigrationSteps.Document004(planDifference: 0, noLocation: 0);
        var sku = fx.Tenant.E3().SkuId;
        using var stop = new CancellationTokenSource();
        var migrated = 0;
        var sink = new CollectingSink(stop.Token)
        {
            OnObject = o =>
            {
                if (o is DirectToGroupMigrationResult { Outcome: MigrationOutcome.Migrated } && ++migrated == 150)
                {
                    stop.Cancel();
                }
            },
        };

        var stopped = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.MoveAsync(sink: sink));

        Assert.Equal(ErrorIds.OperationCancelled, stopped.Error.Id);
        Assert.Contains("run the same Move-DirectToGroupLicense command again", stopped.Error.Message);
        // The batch in flight finished; nothing after it started.
        Assert.Equal(160, fx.Tenant.Store.Users.Count(u => !u.HoldsDirect(sku)));

        var second = await fx.MoveAsync();
        Assert.True(second.Summary().Completed);
        Assert.Equal(840, second.Summary().Migrated);
        fx.Tenant.AssertNoInstantWithout(sku);
        fx.Tenant.AssertNoDuplicateRemovals(sku);
    }

    [Fact]
    public async Task Pacing_StaysCloseToTheWriteQuota_WithoutA429Storm()
    {
        // A tenth of the documented quota, so 1,000 users take the quota many windows over.
        // Entra processes the group at once, so the run is the writes alone and the quota is what bounds it.
        var options = new SimulatorOptions
        {
            Throttling = new ThrottlingOptions { WritesPer150Seconds = 300 },
            LicenseProcessingDelay = TimeSpan.FromSeconds(1),
            LicenseProcessingTimePerUser = TimeSpan.FromMilliseconds(1),
        };
        using var fx = MigrationSteps.Document004(planDifference: 0, noLocation: 0, existingMembers: 0, options: options);
        var started = fx.Tenant.Clock.UtcNow;

        var sink = await fx.MoveAsync();

        var summary = sink.Summary();
        Assert.True(summary.Completed);
        Assert.Equal(1000, summary.Migrated);
        var elapsed = (fx.Tenant.Clock.UtcNow - started).TotalSeconds;
        var allowed = 300 + options.Throttling.WritesPerSecond * elapsed;
        var writes = fx.Tenant.Statistics.Writes - fx.Tenant.Statistics.Throttled;
        Assert.True(writes / allowed >= 0.9, $"{writes} writes in {elapsed:0} s is {writes / allowed:P0} of the {allowed:0} the quota allowed.");
        Assert.True(summary.Throttled <= writes / 50, $"{summary.Throttled} throttled writes for {writes}: a storm.");
    }

    [Fact]
    public async Task WhatIf_ListsThePlan_AndChangesNothing()
    {
        using var fx = MigrationSteps.Document004(users: 100, planDifference: 10, noLocation: 0, existingMembers: 20);
        var members = fx.Tenant.AllUsers().Members.Count;
        var sink = new CollectingSink { Decide = (_, _) => false };

        await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, WhatIf = true }, sink);

        Assert.True(sink.Summary().WhatIf);
        Assert.False(sink.Summary().Completed);
        Assert.All(sink.Of<DirectToGroupMigrationResult>(), r => Assert.Equal(sink.Summary().CorrelationId, r.CorrelationId));
        var results = sink.Of<DirectToGroupMigrationResult>().ToList();
        Assert.Equal(70, results.Count(r => r.Outcome == MigrationOutcome.Planned && r.Reason == "AddToGroup"));
        Assert.Equal(20, results.Count(r => r.Outcome == MigrationOutcome.Planned && r.Reason == "AlreadyMember"));
        Assert.Equal(10, results.Count(r => r.Reason == "PlanDifference"));
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
        Assert.Equal(members, fx.Tenant.AllUsers().Members.Count);
    }

    [Fact]
    public async Task MaxUsers_MigratesThatManyAndDefersTheRest()
    {
        using var fx = MigrationSteps.Document004(users: 100, planDifference: 0, noLocation: 0, existingMembers: 0);

        var first = await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, MaxUsers = 30, BatchSize = 10 });
        Assert.Equal(30, first.Summary().Migrated);
        Assert.Equal(70, first.Summary().Deferred);
        Assert.False(first.Summary().Completed);

        var second = await fx.MoveAsync();
        Assert.Equal(70, second.Summary().Migrated);
        Assert.Equal(30, second.Summary().AlreadyMigrated);
    }

    [Fact]
    public async Task AGroupWithoutTheSku_IsRefused_AndNothingChanges()
    {
        using var fx = MigrationSteps.Document004(users: 20, planDifference: 0, noLocation: 0, existingMembers: 0);
        fx.Tenant.Store.AddGroup("No licence");

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = "No licence" }));

        Assert.Equal(ErrorIds.MigrationGroupLacksSku, ex.Error.Id);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(100, 0)]
    public async Task BadNumbers_AreRefusedBeforeAnythingIsRead(int batchSize, int? maxUsers)
    {
        using var fx = MigrationSteps.Document004(users: 20, planDifference: 0, noLocation: 0, existingMembers: 0);
        fx.Tenant.Statistics.Reset();

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, BatchSize = batchSize, MaxUsers = maxUsers }));

        Assert.Equal(ErrorIds.MigrationRequestInvalid, ex.Error.Id);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task NamedUsers_OnlyThoseAreMigrated_EachOnceByNameOrId_AndAnUnknownOneIsReported()
    {
        using var fx = MigrationSteps.Document004(users: 50, planDifference: 0, noLocation: 0, existingMembers: 0);
        var sku = fx.Tenant.E3().SkuId;
        var named = fx.Tenant.Store.Users.Take(3).Select(u => u.UserPrincipalName).ToList();
        // The first also by id: one user named twice is migrated once.
        named.Add(fx.Tenant.Store.Users.First().Id.ToString());

        var sink = await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, User = named.Append("nobody@contoso.onmicrosoft.com").ToArray() });

        Assert.Equal(ErrorIds.UserNotFound, Assert.Single(sink.Errors).Id);
        Assert.Equal(3, sink.Summary().Migrated);
        Assert.Equal(47, fx.Tenant.Store.Users.Count(u => u.HoldsDirect(sku)));
    }

    [Fact]
    public async Task WaitTimeout_TooShortForEntra_KeepsEveryDirectLicense_AndSaysToRunAgain()
    {
        using var fx = MigrationSteps.Document004(users: 100, planDifference: 0, noLocation: 0, existingMembers: 0);
        var sku = fx.Tenant.E3().SkuId;

        var sink = await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, WaitTimeoutSeconds = 10 });

        Assert.Equal(100, sink.Summary().Pending);
        Assert.Equal(0, sink.Summary().Migrated);
        Assert.NotNull(sink.Summary().NextStep);
        Assert.All(fx.Tenant.Store.Users, u => Assert.True(u.HoldsDirect(sku)));
        Assert.Contains(sink.Warnings, w => w.Contains("had not finished processing"));
    }

    [Fact]
    public async Task UndoLicenseChange_PutsTheDirectAssignmentsBack_WithTheirPlans()
    {
        using var fx = MigrationSteps.Document004(users: 60, planDifference: 20, noLocation: 0, existingMembers: 0);
        var sku = fx.Tenant.E3().SkuId;
        var before = fx.Tenant.Store.Users.ToDictionary(u => u.Id, u => u.LicenseAssignmentStates.Single(s => s.AssignedByGroup == null).DisabledPlans.OrderBy(p => p).ToList());
        await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, AcceptPlanDifference = true });
        Assert.All(fx.Tenant.Store.Users, u => Assert.False(u.HoldsDirect(sku)));
        var log = new CollectingSink();
        await fx.Engine.GetChangeLogAsync(new GetChangeLogRequest(), log);
        var correlation = log.Of<LicenseChange>().Select(e => e.CorrelationId).Distinct().Single();

        var undo = new CollectingSink();
        await fx.Engine.UndoChangesAsync(new UndoChangeRequest { CorrelationId = correlation }, undo);

        Assert.Empty(undo.Errors);
        foreach (var user in fx.Tenant.Store.Users)
        {
            Assert.True(user.HoldsDirect(sku), user.UserPrincipalName + " did not get its direct licence back.");
            Assert.Equal(before[user.Id], user.LicenseAssignmentStates.Single(s => s.AssignedByGroup == null).DisabledPlans.OrderBy(p => p).ToList());
        }

        Assert.Empty(fx.Tenant.AllUsers().Members);
        fx.Tenant.Clock.Advance(TimeSpan.FromHours(2));
        fx.Tenant.AssertNoInstantWithout(sku);
    }

    [Fact]
    public async Task AWaveWhoseRemovalsAreRefused_StopsTheRun_BeforeTheNextWaveIsTouched()
    {
        // This app may add members but not change licences: every removal comes back 403.
        var tenant = LegacyDirectLicenseTenant.Create(new LegacyDirectLicenseOptions { Users = 200 });
        var principal = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Member writer", null, new[] { "GroupMember.ReadWrite.All", "Directory.Read.All", "LicenseAssignment.Read.All" });
        using var fx = new Engine.EngineFixture(tenant: tenant, principal: principal);
        var sku = fx.Tenant.E3().SkuId;

        var sink = await fx.MoveAsync(new MoveDirectToGroupLicenseRequest { Sku = MigrationSteps.Sku, Group = MigrationSteps.Group, BatchSize = 50 });

        var summary = sink.Summary();
        Assert.True(summary.Failed == 50, string.Join(" / ", sink.Of<DirectToGroupMigrationResult>().Select(r => r.Detail).Distinct()));
        Assert.Equal(150, summary.Pending);
        Assert.Equal(0, summary.Migrated);
        Assert.Contains(sink.Warnings, w => w.Contains("wave 1") && w.Contains("150 user(s) were left untouched"));
        Assert.Equal(50, fx.Tenant.Statistics.CountFor("POST /users/{id}/assignLicense"));
        Assert.All(fx.Tenant.Store.Users, u => Assert.True(u.HoldsDirect(sku)));
    }
}
