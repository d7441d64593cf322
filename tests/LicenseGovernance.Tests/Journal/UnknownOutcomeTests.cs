using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Lifecycle;
using LicenseGovernance.Tests.Tiers;
using LicenseGovernance.Tests.Migration;
using LicenseGovernance.Tests.Waste;
using Xunit;

namespace LicenseGovernance.Tests.Journal;

/// <summary>
/// Changes left Unknown (the run killed, Graph's answer lost) get their real outcome from the tenant: through
/// Update-LicenseChangeLog, and through the re-run of the command that left them.
/// </summary>
public sealed class UnknownOutcomeTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private SimulatedTenant Tenant => _fx.Tenant;

    private SimulatedSku E5 => Tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E5");

    private SimulatedUser Unlicensed(string name) => Tenant.Store.AddUser(name + "@" + Tenant.DefaultDomain, u => u.UsageLocation = "US");

    private static IReadOnlyList<JournalEntry> Journal(EngineFixture fx) => new JournalFile(fx.Engine.JournalPath).Read().Entries;

    /// <summary>A change journaled as a killed run leaves it: recorded, never completed.</summary>
    private async Task<JournalEntry> RecordOnlyAsync(ChangeIntent intent, string command = "Test-Killed") =>
        await _fx.Engine.BeginJournal(_fx.Engine.Session!, command).RecordAsync(intent, CancellationToken.None);

    private ChangeIntent AddE5(SimulatedUser user) =>
        ChangeIntents.AssignUserLicenses(user.Id, user.UserPrincipalName, Array.Empty<DirectLicense>(), new[] { new DirectLicense(E5.SkuId, "SPE_E5") });

    private async Task<CollectingSink> UpdateAsync(UpdateChangeLogRequest? request = null, bool confirm = true)
    {
        var sink = new CollectingSink { Decide = (_, _) => confirm };
        await _fx.Engine.UpdateChangeLogAsync(request ?? new UpdateChangeLogRequest(), sink);
        return sink;
    }

    [Fact]
    public async Task Update_records_what_the_tenant_shows_and_leaves_the_rest_Unknown_with_the_reason()
    {
        var made = Unlicensed("unknown-made");
        var madeChange = await RecordOnlyAsync(AddE5(made));
        Tenant.Store.AssignLicense(made.Id, E5.SkuId, Array.Empty<Guid>());
        var notMade = await RecordOnlyAsync(AddE5(Unlicensed("unknown-not-made")));
        var group = Tenant.Store.AddGroup("LIC-Unknown", g => g.SecurityEnabled = true);
        var member = Unlicensed("unknown-member");
        var joined = await RecordOnlyAsync(ChangeIntents.AddGroupMember(group.Id, group.DisplayName, member.Id, member.UserPrincipalName));
        Tenant.Store.AddMember(group.Id, member.Id);
        var other = await RecordOnlyAsync(ChangeIntents.Other("Group.Create", "group", Guid.NewGuid().ToString(), "LIC-X", null, new { displayName = "LIC-X" }));
        var overtaken = Unlicensed("unknown-overtaken");
        var first = await RecordOnlyAsync(AddE5(overtaken));
        var (later, _) = await _fx.Engine.BeginJournal(_fx.Engine.Session!, "Test-Later").RunRecordedAsync(AddE5(overtaken), () => Task.FromResult(true), CancellationToken.None);

        var whatIf = await UpdateAsync(confirm: false);
        Assert.Equal(3, whatIf.ShouldProcessQuestions.Count);
        Assert.Equal(new[] { other.Id, first.Id }, whatIf.Of<LicenseChangeReconcileResult>().Select(r => r.ChangeId));
        Assert.Equal(5, Journal(_fx).Count(e => e.Status == LicenseChangeStatus.Unknown));

        var sink = await UpdateAsync();

        Assert.Empty(sink.Errors);
        var results = sink.Of<LicenseChangeReconcileResult>().ToDictionary(r => r.ChangeId);
        Assert.Equal(LicenseChangeStatus.Succeeded, results[madeChange.Id].Status);
        Assert.Equal(LicenseChangeStatus.Failed, results[notMade.Id].Status);
        Assert.Equal(LicenseChangeStatus.Succeeded, results[joined.Id].Status);
        Assert.Equal(LicenseChangeStatus.Unknown, results[other.Id].Status);
        Assert.Contains("Group.Create", results[other.Id].Detail);
        Assert.Equal(LicenseChangeStatus.Unknown, results[first.Id].Status);
        Assert.Contains(later.Id.ToString(), results[first.Id].Detail);
        Assert.Equal(new[] { true, true, true, false, false }, new[] { madeChange, notMade, joined, other, first }.Select(c => results[c.Id].Recorded));

        var journal = Journal(_fx).ToDictionary(e => e.Id);
        Assert.Equal(LicenseChangeStatus.Succeeded, journal[madeChange.Id].Status);
        Assert.Equal("Update-LicenseChangeLog", journal[madeChange.Id].ReconciledBy);
        Assert.Equal(LicenseChangeStatus.Failed, journal[notMade.Id].Status);
        Assert.StartsWith("Not made", journal[notMade.Id].Error);
        Assert.Equal(LicenseChangeStatus.Unknown, journal[first.Id].Status);

        // A second pass finds only the two it could not tell, and records nothing.
        var again = await UpdateAsync();
        Assert.Equal(new[] { other.Id, first.Id }, again.Of<LicenseChangeReconcileResult>().Select(r => r.ChangeId));
        Assert.Empty(again.ShouldProcessQuestions);
    }

    [Fact]
    public async Task Update_reads_a_groups_licences_for_a_group_licence_change()
    {
        var made = Tenant.Store.AddGroup("LIC-Unknown-Made", g => g.SecurityEnabled = true);
        var notMade = Tenant.Store.AddGroup("LIC-Unknown-NotMade", g => g.SecurityEnabled = true);
        ChangeIntent AddE5ToGroup(SimulatedGroup group) => ChangeIntents.AssignGroupLicenses(group.Id.ToString(), group.DisplayName,
            Array.Empty<DirectLicense>(), new[] { new DirectLicense(E5.SkuId, "SPE_E5") }, Array.Empty<Guid>());
        var madeChange = await RecordOnlyAsync(AddE5ToGroup(made));
        var notMadeChange = await RecordOnlyAsync(AddE5ToGroup(notMade));
        Tenant.Store.AssignGroupLicense(made.Id, E5.SkuId);

        var results = (await UpdateAsync()).Of<LicenseChangeReconcileResult>().ToDictionary(r => r.ChangeId);

        Assert.Equal(LicenseChangeStatus.Succeeded, results[madeChange.Id].Status);
        Assert.Equal(LicenseChangeStatus.Failed, results[notMadeChange.Id].Status);
    }

    [Fact]
    public async Task An_outcome_the_run_saw_itself_wins_over_one_found_later_in_either_order()
    {
        var file = new JournalFile(_fx.Engine.JournalPath);
        var a = await RecordOnlyAsync(AddE5(Unlicensed("order-a")));
        var b = await RecordOnlyAsync(AddE5(Unlicensed("order-b")));
        var now = DateTimeOffset.UtcNow;
        file.Append(new[]
        {
            JournalLine.OutcomeLine(a.Id, now, "Not made", reconciledBy: "Update-LicenseChangeLog"),
            JournalLine.OutcomeLine(a.Id, now, null),
            JournalLine.OutcomeLine(b.Id, now, "Refused by Graph"),
            JournalLine.OutcomeLine(b.Id, now, null, reconciledBy: "Update-LicenseChangeLog"),
        });

        var journal = file.Read().Entries.ToDictionary(e => e.Id);

        Assert.Equal((LicenseChangeStatus.Succeeded, (string?)null), (journal[a.Id].Status, journal[a.Id].ReconciledBy));
        Assert.Equal((LicenseChangeStatus.Failed, (string?)null), (journal[b.Id].Status, journal[b.Id].ReconciledBy));
    }

    [Fact]
    public async Task Update_of_a_correlation_id_no_change_has_says_so()
    {
        await RecordOnlyAsync(AddE5(Unlicensed("correlation")));

        var sink = await UpdateAsync(new UpdateChangeLogRequest { CorrelationId = Guid.NewGuid() });

        Assert.Equal(ErrorIds.CorrelationIdNotFound, Assert.Single(sink.Errors).Id);
        Assert.Empty(sink.Of<LicenseChangeReconcileResult>());
    }

    [Fact]
    public async Task A_migration_killed_mid_wave_leaves_Unknown_removals_that_its_re_run_records()
    {
        using var fx = MigrationSteps.Document004(users: 200, planDifference: 0, noLocation: 0, existingMembers: 0);
        // The fourth $batch (removals, and the first wave's read-back) is applied and its response lost, as when the process is killed.
        fx.Tenant.Faults.Add(FaultRule.ResponseLost().ForMethod("POST").ForPath("/$batch").OnlyOutsideBatch().After(3).Times(1));

        var killed = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.MoveAsync());
        Assert.Equal(ErrorIds.GraphUnreachable, killed.Error.Id);
        var unknown = Journal(fx).Where(e => e.Status == LicenseChangeStatus.Unknown).ToList();
        Assert.Equal(20, unknown.Count);

        // The re-run comes later, as a runbook's next schedule or an administrator after the failure would.
        fx.Tenant.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = await fx.MoveAsync();

        Assert.True(second.Summary().Completed);
        var journal = Journal(fx).ToDictionary(e => e.Id);
        Assert.All(unknown, u => Assert.Equal((LicenseChangeStatus.Succeeded, "Move-DirectToGroupLicense"), (journal[u.Id].Status, journal[u.Id].ReconciledBy)));
        Assert.DoesNotContain(journal.Values, e => e.Status == LicenseChangeStatus.Unknown);
        Assert.Contains(second.Verbose, v => v.StartsWith("Recorded the outcome of 20 change(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_zombie_removal_whose_answer_was_lost_is_Unknown_and_the_re_run_asks_before_recording_it()
    {
        using var fx = new EngineFixture(tenant: ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 90, Seed = 7 }));
        var zombie = (await fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies
            .First(z => z.Sources.Count == 1 && z.Sources[0].Kind == LicenseSourceKind.Group);
        // Membership removals travel twenty to a $batch, so the answer lost is the batch's.
        fx.Tenant.Faults.Add(FaultRule.ResponseLost().ForMethod("POST").ForPath("^/\\$batch$").Times(1));

        var killed = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.RemoveAsync(new[] { zombie }));
        Assert.Equal(ErrorIds.GraphUnreachable, killed.Error.Id);
        var lost = Assert.Single(Journal(fx));
        Assert.Equal((ChangeIntents.GroupRemoveMember, LicenseChangeStatus.Unknown), (lost.Operation, lost.Status));

        fx.Tenant.Clock.Advance(TimeSpan.FromMinutes(20));
        var (_, _, whatIf) = await fx.RemoveAsync(new[] { zombie }, confirm: false);
        Assert.Contains(whatIf.ShouldProcessQuestions, q => q.Action.StartsWith("Record the outcome the tenant shows for 1 change(s)", StringComparison.Ordinal));
        Assert.Equal(LicenseChangeStatus.Unknown, Journal(fx).Single(e => e.Id == lost.Id).Status);

        await fx.RemoveAsync(new[] { zombie });

        var recorded = Journal(fx).Single(e => e.Id == lost.Id);
        Assert.Equal((LicenseChangeStatus.Succeeded, "Remove-ZombieLicense"), (recorded.Status, recorded.ReconciledBy));
    }

    [Fact]
    public async Task A_tier_sync_killed_as_a_user_leaves_a_tier_has_its_Unknown_removal_recorded_by_the_re_run()
    {
        using var fx = await LifecycleSteps.TiersAsync(users: 4);
        var user = fx.Tenant.Workers()[0];
        fx.Tenant.AdminAdd(user.Id, LifecycleSteps.Tier3, fx.Tenant.Clock.UtcNow.AddDays(30));
        fx.Tenant.Settle();
        // Leaving the baseline is applied and its answer lost, as when the process is killed.
        fx.Tenant.Faults.Add(FaultRule.ResponseLost().ForMethod("DELETE").ForPath("^/groups/[^/]+/members/[^/]+/\\$ref$").Times(1));

        var killed = await Assert.ThrowsAsync<LicenseGovernanceException>(() => LifecycleSteps.SyncAsync(fx));
        Assert.Equal(ErrorIds.GraphUnreachable, killed.Error.Id);
        var lost = Assert.Single(Journal(fx), e => e.Status == LicenseChangeStatus.Unknown);
        Assert.Equal(ChangeIntents.GroupRemoveMember, lost.Operation);

        // The next hourly run.
        fx.Tenant.Settle();
        var second = await LifecycleSteps.SyncAsync(fx);

        Assert.Empty(second.Errors);
        var recorded = Journal(fx).Single(e => e.Id == lost.Id);
        Assert.Equal((LicenseChangeStatus.Succeeded, "Sync-LicenseTier"), (recorded.Status, recorded.ReconciledBy));
    }

    [Fact]
    public async Task A_re_run_leaves_alone_changes_too_recent_to_judge()
    {
        var user = Unlicensed("recent");
        var change = await RecordOnlyAsync(AddE5(user), command: "Remove-ZombieLicense");
        Tenant.Store.AssignLicense(user.Id, E5.SkuId, Array.Empty<Guid>());
        var sink = new CollectingSink();

        await _fx.Engine.RemoveZombieLicensesAsync(new RemoveZombieLicenseRequest(), sink);

        Assert.Equal(LicenseChangeStatus.Unknown, Journal(_fx).Single(e => e.Id == change.Id).Status);
        Assert.Contains(sink.Verbose, v => v.Contains("in case their run is still under way"));
        Assert.Empty(sink.ShouldProcessQuestions);
    }
}
