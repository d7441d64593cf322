using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;
using static LicenseGovernance.Tests.Lifecycle.WorkforceSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>Sync-WorkforceLicense on the simulated tenant: HR rows become tiers, leaves go down and come back, seats are never half-spent.</summary>
public sealed class WorkforceSyncTests
{
    [Fact]
    public async Task AFiveHundredRowExport_LeavesEveryActiveEmployeeInTheRulesTier_AndASecondRunChangesNothing()
    {
        using var fx = await WorkforceAsync(new[] { 380, 70, 30 }, newHires: 30);
        var tenant = fx.Tenant;
        var export = HrExportGenerator.Create(tenant, new HrExportOptions { Today = tenant.Clock.UtcNow, Movers = 40, Leavers = 10, OnLeave = 10, JoinersToday = 12, JoinersNextWeek = 8 });
        var path = fx.WriteExport(export);

        var first = await fx.WorkforceSyncAsync(Request(path));

        Assert.Equal(500, export.Rows.Count + export.MalformedLines.Count);
        Assert.Equal(export.MalformedLines, first.Errors.Where(e => e.Id == ErrorIds.HrRowInvalid).Select(e => ((WorkforceRowProblem)e.Target!).Line).ToList());
        tenant.Settle();
        foreach (var row in export.Rows)
        {
            var held = tenant.TiersOf(row.UserPrincipalName);
            var expected = row.Part switch
            {
                HrExportPart.Leave => new List<string> { Tier1 },
                HrExportPart.Joiner when row.HireDate > tenant.Clock.UtcNow.UtcDateTime => new List<string>(),
                HrExportPart.Leaver => held,
                _ => new List<string> { TierOf(row.Department) },
            };
            Assert.True(expected.SequenceEqual(held), $"line {row.Line} ({row.Part}, {row.Department}) {row.UserPrincipalName}: holds [{string.Join(", ", held)}], expected [{string.Join(", ", expected)}].");
        }

        var changes = first.Of<WorkforceChange>().ToList();
        Assert.Equal(8, changes.Count(c => c.Change == WorkforceChangeKind.FutureJoiner && c.Outcome == WorkforceOutcome.Deferred));
        var leavers = changes.Where(c => c.Change == WorkforceChangeKind.Leaver).ToList();
        Assert.Equal(10, leavers.Count);
        Assert.All(leavers, l => Assert.False(tenant.Store.GetUser(l.UserId!.Value).AccountEnabled, l.UserPrincipalName + " is still enabled."));
        Assert.All(leavers, l => Assert.Contains(l.Outcome, new[] { WorkforceOutcome.Changed, WorkforceOutcome.Waiting }));
        Assert.All(leavers, l => Assert.Contains(l.Steps, s => s.StartsWith("DisableSignIn", StringComparison.Ordinal)));
        // Leave takes people down to Tier1: those in it already have nothing to change.
        Assert.Equal(export.Rows.Count(r => r.Part == HrExportPart.Leave && TierOf(r.Department) != Tier1), changes.Count(c => c.Change == WorkforceChangeKind.LeaveStart && c.Outcome == WorkforceOutcome.Changed));
        Assert.Equal(40, changes.Count(c => c.Change == WorkforceChangeKind.Mover && c.Outcome == WorkforceOutcome.Changed));
        Assert.Equal(12, changes.Count(c => c.Change == WorkforceChangeKind.Joiner && c.Outcome == WorkforceOutcome.Changed));
        Assert.DoesNotContain(changes, c => c.Outcome == WorkforceOutcome.Failed || c.Outcome == WorkforceOutcome.Refused);
        // One correlation id for the run; each leaver's offboarding keeps its own, so it resumes the same from any command.
        Assert.Single(changes.Where(c => c.Change != WorkforceChangeKind.Leaver).Select(c => c.CorrelationId).Where(c => c != null).Distinct());

        tenant.Statistics.Reset();
        var second = await fx.WorkforceSyncAsync(Request(path));
        Assert.Equal(0, tenant.Statistics.Writes);
        Assert.All(second.Of<WorkforceChange>(), c => Assert.Contains(c.Change, new[] { WorkforceChangeKind.FutureJoiner, WorkforceChangeKind.Leaver, WorkforceChangeKind.FutureLeaver }));
    }

    [Fact]
    public async Task JoinersNeedingMoreE5SeatsThanAreFree_AreRefusedWithTheShortfallAndItsCost_AndTheOthersJoin()
    {
        using var fx = await WorkforceAsync(new[] { 5, 0, 0 }, newHires: 9, e5Seats: 2);
        var tenant = fx.Tenant;
        var csv = HrExportGenerator.Header + "\n" + string.Join("\n", tenant.Store.Users.Where(u => u.LicenseAssignmentStates.Count == 0).Select(u =>
            $"{u.EmployeeId},{u.UserPrincipalName},Active,{tenant.Clock.UtcNow:yyyy-MM-dd},,,,{u.Department},{u.JobTitle},Employee,")) + "\n";
        var path = Path.Combine(fx.SettingsDirectory, "joiners.csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        File.WriteAllText(path, csv);

        var preview = Assert.Single((await fx.WorkforceSyncAsync(Request(path, preview: true))).Of<WorkforcePreview>());
        var e5 = Assert.Single(preview.Seats, s => s.SkuPartNumber == "SPE_E5");
        Assert.Equal((2, 2, 1), (e5.Needed, e5.Available, e5.Shortfall));
        Assert.Equal(e5.MonthlyPrice, e5.ShortfallMonthlyCost);
        Assert.NotNull(e5.MonthlyPrice);

        var run = await fx.WorkforceSyncAsync(Request(path));
        var refused = Assert.Single(run.Of<WorkforceChange>(), c => c.Outcome == WorkforceOutcome.Refused);
        Assert.Contains("SPE_E5: no seat free, buying one costs", refused.Detail);
        Assert.Contains(run.Errors, e => e.Id == ErrorIds.WorkforceSeatsShort);
        tenant.Settle();
        Assert.Empty(tenant.TiersOf(refused.UserPrincipalName!));
        Assert.Equal(8, run.Of<WorkforceChange>().Count(c => c.Change == WorkforceChangeKind.Joiner && c.Outcome == WorkforceOutcome.Changed));
    }

    [Fact]
    public async Task ALeaveMovesTheUserDownUntilLeaveEnd_AndTheyAreBackAfterIt()
    {
        using var fx = await WorkforceAsync(new[] { 2, 2, 0 }, newHires: 0);
        var tenant = fx.Tenant;
        var user = tenant.Store.Users.First(u => u.Department == "Sales");
        var today = tenant.Clock.UtcNow.UtcDateTime.Date;
        var path = Path.Combine(fx.SettingsDirectory, "leave.csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        File.WriteAllText(path, HrExportGenerator.Header + $"\n{user.EmployeeId},{user.UserPrincipalName},Leave,2024-01-01,,{today.AddDays(-1):yyyy-MM-dd},{today.AddDays(20):yyyy-MM-dd},Sales,Account Executive,Employee,\n");

        var leave = Assert.Single((await fx.WorkforceSyncAsync(Request(path))).Of<WorkforceChange>());
        Assert.Equal((WorkforceChangeKind.LeaveStart, WorkforceOutcome.Changed, Tier2, Tier1), (leave.Change, leave.Outcome, leave.FromTier, leave.ToTier));
        tenant.Settle();
        Assert.Equal(new[] { Tier1 }, tenant.TiersOf(user.UserPrincipalName));
        var listed = new CollectingSink();
        await fx.Engine.GetTierAssignmentsAsync(new GetTierAssignmentRequest { User = user.UserPrincipalName }, listed);
        Assert.Contains(listed.Of<TierAssignment>(), a => a.TierGroup == Tier1 && a.Until?.UtcDateTime.Date == today.AddDays(20));

        // The daily run an hour before the leave ends brings the user back before its assignment does, so no instant is without a licence.
        tenant.Clock.Advance(new DateTimeOffset(today.AddDays(20), TimeSpan.Zero) - tenant.Clock.UtcNow - TimeSpan.FromHours(1));
        var back = Assert.Single((await fx.WorkforceSyncAsync(Request(path))).Of<WorkforceChange>());
        Assert.Equal((WorkforceChangeKind.LeaveEnd, WorkforceOutcome.Changed, Tier2), (back.Change, back.Outcome, back.ToTier));
        tenant.Clock.Advance(TimeSpan.FromDays(2));
        tenant.AssertSettledIn(user, Tier2, Start);
        Assert.Empty((await fx.WorkforceSyncAsync(Request(path))).Of<WorkforceChange>());
    }

    [Fact]
    public async Task BadRules_AreRefusedNamingTheKeyAndPosition_AndNothingIsRead()
    {
        using var fx = await WorkforceAsync(new[] { 2, 0, 0 }, newHires: 0);
        var path = Path.Combine(fx.SettingsDirectory, "one.csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        File.WriteAllText(path, HrExportGenerator.Header + "\n1,person0000@" + fx.Tenant.DefaultDomain + ",Active,2024-01-01,,,,Operations,Clerk,Employee,\n");
        fx.Tenant.Statistics.Reset();

        var syntax = Request(path);
        syntax.Rules[1].When = "user.department -eq \"Sales";
        var error = await RefusedAsync(fx, syntax);
        Assert.Equal(ErrorIds.WorkforceRuleInvalid, error.Id);
        Assert.Contains("Rules[1].When, position", error.Message);

        var tier = Request(path);
        tier.LeaveTier = "LIC-M365-Tier9";
        Assert.Contains("LeaveTier", (await RefusedAsync(fx, tier)).Message);

        var column = Request(path);
        column.Columns["UserPrincipalName"] = "Work Email";
        Assert.Equal(ErrorIds.HrColumnMissing, (await RefusedAsync(fx, column)).Id);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task AMostlyBadFile_StopsTheRunBeforeAnythingChanges()
    {
        using var fx = await WorkforceAsync(new[] { 0, 0, 0 }, newHires: 3);
        var users = fx.Tenant.Store.Users.ToList();
        var path = Path.Combine(fx.SettingsDirectory, "bad.csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        File.WriteAllText(path, HrExportGenerator.Header + "\n" +
            $"1,{users[0].UserPrincipalName},Active,2024-01-01,,,,Sales,Rep,Employee,\n2,{users[1].UserPrincipalName},Working,2024-01-01,,,,Sales,Rep,Employee,\n3,{users[2].UserPrincipalName},Active,01/02/2024,,,,Sales,Rep,Employee,\n");
        fx.Tenant.Statistics.Reset();

        var error = await RefusedAsync(fx, Request(path));

        Assert.Equal(ErrorIds.HrFileMostlyBad, error.Id);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task HrDatesAreWrittenToEntra_AndWithoutUserLifeCycleInfoWriteTheLeaveDateIsRefusedButLicencesStillMove()
    {
        using var fx = await WorkforceAsync(new[] { 2, 0, 0 }, newHires: 0);
        var tenant = fx.Tenant;
        var (stays, moves) = (tenant.Store.Users[0], tenant.Store.Users[1]);
        var today = tenant.Clock.UtcNow.UtcDateTime.Date;
        var path = Path.Combine(fx.SettingsDirectory, "dates.csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        File.WriteAllText(path, HrExportGenerator.Header +
            $"\n1,{stays.UserPrincipalName},Terminated,2021-03-01,{today.AddDays(30):yyyy-MM-dd},,,Operations,Clerk,Employee," +
            $"\n2,{moves.UserPrincipalName},Active,2021-04-01,,,,Sales,Account Executive,Employee,\n");
        fx.Engine.ConnectSimulator(tenant, new SimulatedPrincipal(tenant.DefaultPrincipal.AppId, "No lifecycle write", null, tenant.DefaultPrincipal.Permissions.Except(new[] { "User-LifeCycleInfo.ReadWrite.All" })));

        var limited = await fx.WorkforceSyncAsync(Request(path));

        Assert.Contains(limited.Errors, e => e.Id == ErrorIds.PermissionDenied);
        Assert.Equal(new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero), tenant.Store.GetUser(moves.Id).EmployeeHireDate);
        Assert.Null(tenant.Store.GetUser(stays.Id).EmployeeLeaveDateTime);
        Assert.Equal(WorkforceOutcome.Changed, Assert.Single(limited.Of<WorkforceChange>(), c => c.Change == WorkforceChangeKind.Mover).Outcome);

        fx.Engine.ConnectSimulator(tenant, null);
        var full = await fx.WorkforceSyncAsync(Request(path));
        var future = Assert.Single(full.Of<WorkforceChange>());
        Assert.Equal((WorkforceChangeKind.FutureLeaver, WorkforceOutcome.Deferred), (future.Change, future.Outcome));
        Assert.Equal(new DateTimeOffset(today.AddDays(30), TimeSpan.Zero), tenant.Store.GetUser(stays.Id).EmployeeLeaveDateTime);
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), tenant.Store.GetUser(stays.Id).EmployeeHireDate);
    }

    [Fact]
    public async Task FromEntra_ReadsTheHrAttributesOfEntra_AndOffboardsWhoseLeaveDateHasPassed()
    {
        using var fx = await WorkforceAsync(new[] { 3, 0, 0 }, newHires: 1);
        var tenant = fx.Tenant;
        var users = tenant.Store.Users.ToList();
        tenant.Store.Write(() =>
        {
            users[0].Department = "Sales";
            users[1].EmployeeLeaveDateTime = tenant.Clock.UtcNow.AddDays(-1);
            users[3].EmployeeHireDate = tenant.Clock.UtcNow.AddDays(3);
            return 0;
        });
        var request = Request(path: "");
        (request.Path, request.FromEntra) = (null, true);

        var run = (await fx.WorkforceSyncAsync(request)).Of<WorkforceChange>().ToList();

        Assert.Equal((WorkforceChangeKind.Mover, Tier2), (run.Single(c => c.UserId == users[0].Id).Change, run.Single(c => c.UserId == users[0].Id).ToTier));
        Assert.Equal(WorkforceChangeKind.Leaver, run.Single(c => c.UserId == users[1].Id).Change);
        Assert.False(tenant.Store.GetUser(users[1].Id).AccountEnabled);
        Assert.Equal(WorkforceChangeKind.FutureJoiner, run.Single(c => c.UserId == users[3].Id).Change);
        Assert.Equal(3, run.Count);
        tenant.Settle();
        Assert.Equal(new[] { Tier2 }, tenant.TiersOf(users[0].UserPrincipalName));
    }

    private static async Task<GovernanceError> RefusedAsync(Engine.EngineFixture fx, SyncWorkforceLicenseRequest request) =>
        (await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.SyncWorkforceLicensesAsync(request, new CollectingSink()))).Error;
}
