using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using Microsoft.Graph.Models;
using Xunit;
using UserAssignLicenseBody = Microsoft.Graph.Users.Item.AssignLicense.AssignLicensePostRequestBody;

namespace LicenseGovernance.Tests.Journal;

/// <summary>
/// The change journal: every change recorded before the tenant is touched, read back by Get-LicenseChangeLog, and
/// reversed by Undo-LicenseChange after reading the target's current state.
/// </summary>
public sealed class ChangeJournalTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private SimulatedTenant Tenant => _fx.Tenant;

    private SimulatedSku Sku(string partNumber) => Tenant.Store.Skus.Single(s => s.SkuPartNumber == partNumber);

    /// <summary>A user with no licence at all, so each test starts from a known state.</summary>
    private SimulatedUser Unlicensed(string name) => Tenant.Store.AddUser(name + "@" + Tenant.DefaultDomain, u => u.UsageLocation = "US");

    /// <summary>What a feature does: journal the direct assignment, then make it through Graph.</summary>
    private async Task<JournalEntry> AssignDirectAsync(SimulatedUser user, SimulatedSku sku, IEnumerable<Guid>? disabled = null, string command = "Test-Assign")
    {
        var session = _fx.Engine.Session!;
        var scope = _fx.Engine.BeginJournal(session, command);
        var before = DirectLicense.Of(await ReadUserAsync(user.Id), new[] { sku.SkuId });
        var after = new[] { new DirectLicense(sku.SkuId, sku.SkuPartNumber, disabled) };
        var intent = ChangeIntents.AssignUserLicenses(user.Id, user.UserPrincipalName, before, after);
        JournalEntry? recorded = null;
        await scope.RunAsync(intent, async () =>
        {
            recorded = Load().Last();
            await session.Client.Users[user.Id.ToString()].AssignLicense.PostAsync(new UserAssignLicenseBody
            {
                AddLicenses = new List<Microsoft.Graph.Models.AssignedLicense> { new() { SkuId = sku.SkuId, DisabledPlans = (disabled ?? Array.Empty<Guid>()).Select(p => (Guid?)p).ToList() } },
                RemoveLicenses = new List<Guid?>(),
            });
        }, CancellationToken.None);
        Assert.Equal(LicenseChangeStatus.Unknown, recorded!.Status);
        return Load().Single(e => e.Id == recorded.Id);
    }

    private async Task<User> ReadUserAsync(Guid id) =>
        (await _fx.Engine.Session!.Client.Users[id.ToString()].GetAsync(r => r.QueryParameters.Select = new[] { "id", "licenseAssignmentStates" }))!;

    private IReadOnlyList<JournalEntry> Load() => new JournalFile(_fx.Engine.JournalPath).Load(out _);

    private bool HoldsDirect(SimulatedUser user, SimulatedSku sku) =>
        Tenant.Store.GetUser(user.Id).LicenseAssignmentStates.Any(s => s.SkuId == sku.SkuId && s.AssignedByGroup == null);

    private async Task<CollectingSink> UndoAsync(UndoChangeRequest request, Func<string, string, bool>? decide = null)
    {
        var sink = new CollectingSink();
        if (decide != null)
        {
            sink.Decide = decide;
        }

        await _fx.Engine.UndoChangesAsync(request, sink);
        return sink;
    }

    private async Task<List<LicenseChange>> LogAsync(GetChangeLogRequest? request = null)
    {
        var sink = new CollectingSink();
        await _fx.Engine.GetChangeLogAsync(request ?? new GetChangeLogRequest(), sink);
        return sink.Of<LicenseChange>().ToList();
    }

    [Fact]
    public async Task A_change_is_recorded_before_the_tenant_is_touched_and_its_outcome_after()
    {
        var user = Unlicensed("journal-a");
        var entry = await AssignDirectAsync(user, Sku("SPE_E5"));

        Assert.True(HoldsDirect(user, Sku("SPE_E5")));
        Assert.Equal(LicenseChangeStatus.Succeeded, entry.Status);
        var shown = Assert.Single(await LogAsync());
        Assert.Equal(ChangeIntents.UserAssignLicense, shown.Operation);
        Assert.Equal(user.UserPrincipalName, shown.TargetName);
        Assert.Equal(Tenant.TenantId, shown.TenantId);
        Assert.Equal("Test-Assign", shown.Command);
        Assert.Equal(_fx.Engine.Context!.Account, shown.Operator);
        Assert.Equal("[]", shown.Before);
        Assert.Contains(Sku("SPE_E5").SkuId.ToString(), shown.After);
        Assert.True(shown.Reversible);
        Assert.NotEqual(Guid.Empty, shown.CorrelationId);
    }

    [Fact]
    public async Task A_journal_that_cannot_be_written_stops_the_change_before_the_tenant_is_touched()
    {
        // A directory where the journal file should be: the append fails.
        Directory.CreateDirectory(_fx.Engine.JournalPath);
        var user = Unlicensed("journal-b");
        var writes = Tenant.Statistics.Writes;
        var called = false;
        var scope = _fx.Engine.BeginJournal(_fx.Engine.Session!, "Test");

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => scope.RunAsync(
            ChangeIntents.AddGroupMember(Guid.NewGuid(), "g", user.Id, user.UserPrincipalName), () =>
            {
                called = true;
                return Task.CompletedTask;
            }, CancellationToken.None));

        Assert.Equal(ErrorIds.JournalWriteFailed, ex.Error.Id);
        Assert.False(called);
        Assert.Equal(writes, Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task A_change_whose_process_died_shows_as_unknown()
    {
        var user = Unlicensed("journal-c");
        var scope = _fx.Engine.BeginJournal(_fx.Engine.Session!, "Test");
        await scope.RecordAsync(ChangeIntents.AddGroupMember(Guid.NewGuid(), "g", user.Id, user.UserPrincipalName), CancellationToken.None);

        var shown = Assert.Single(await LogAsync());
        Assert.Equal(LicenseChangeStatus.Unknown, shown.Status);
        Assert.Null(shown.CompletedAt);
    }

    [Fact]
    public async Task Undo_puts_the_direct_licences_back_and_journals_the_reversal()
    {
        var user = Unlicensed("journal-d");
        var e5 = Sku("SPE_E5");
        var change = await AssignDirectAsync(user, e5);

        var sink = await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id } });

        Assert.Empty(sink.Errors);
        var result = Assert.Single(sink.Of<LicenseChangeUndoResult>());
        Assert.Equal(LicenseChangeUndoStatus.Undone, result.Status);
        Assert.False(HoldsDirect(user, e5));
        var log = await LogAsync();
        Assert.Equal(2, log.Count);
        Assert.Equal(log[1].Id, log[0].UndoneBy);
        Assert.Equal(change.Id, log[1].UndoOf);
        Assert.Equal("Undo-LicenseChange", log[1].Command);
        Assert.Equal(LicenseChangeStatus.Succeeded, log[1].Status);

        // A second undo does not repeat the reversal.
        var again = await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id } });
        Assert.Equal(LicenseChangeUndoStatus.Skipped, Assert.Single(again.Of<LicenseChangeUndoResult>()).Status);
        Assert.Equal(2, (await LogAsync()).Count);
    }

    [Fact]
    public async Task Undo_restores_disabled_plans_as_they_were()
    {
        var user = Unlicensed("journal-e");
        var e5 = Sku("SPE_E5");
        var plan = e5.ServicePlans.First().ServicePlanId;
        await AssignDirectAsync(user, e5, new[] { plan });
        var change = await AssignDirectAsync(user, e5);
        Assert.Empty(Tenant.Store.GetUser(user.Id).LicenseAssignmentStates.Single(s => s.SkuId == e5.SkuId).DisabledPlans);

        await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id } });

        Assert.Equal(new[] { plan }, Tenant.Store.GetUser(user.Id).LicenseAssignmentStates.Single(s => s.SkuId == e5.SkuId).DisabledPlans);
    }

    [Fact]
    public async Task A_target_changed_since_is_not_undone_unless_forced()
    {
        var user = Unlicensed("journal-f");
        var e5 = Sku("SPE_E5");
        var change = await AssignDirectAsync(user, e5);
        Tenant.Store.RemoveLicense(user.Id, e5.SkuId);
        Tenant.Store.AssignLicense(user.Id, e5.SkuId, new[] { e5.ServicePlans.First().ServicePlanId });

        var refused = await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id } });
        Assert.Equal(ErrorIds.ChangeConflict, Assert.Single(refused.Errors).Id);
        Assert.True(HoldsDirect(user, e5));

        var forced = await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id }, Force = true });
        Assert.Empty(forced.Errors);
        Assert.False(HoldsDirect(user, e5));
    }

    [Fact]
    public async Task A_tenant_already_back_where_it_was_needs_nothing_written()
    {
        var user = Unlicensed("journal-g");
        var e5 = Sku("SPE_E5");
        var change = await AssignDirectAsync(user, e5);
        Tenant.Store.RemoveLicense(user.Id, e5.SkuId);
        var writes = Tenant.Statistics.Writes;

        var sink = await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id } });

        Assert.Equal(LicenseChangeUndoStatus.AlreadyUndone, Assert.Single(sink.Of<LicenseChangeUndoResult>()).Status);
        Assert.Equal(writes, Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task Undo_since_reverses_membership_changes_newest_first()
    {
        var user = Unlicensed("journal-h");
        var from = Tenant.Store.AddGroup("LIC-From", g => g.SecurityEnabled = true);
        var to = Tenant.Store.AddGroup("LIC-To", g => g.SecurityEnabled = true);
        Tenant.Store.AddMember(from.Id, user.Id);
        var start = _fx.Engine.Session!.Now;
        var session = _fx.Engine.Session!;
        var scope = _fx.Engine.BeginJournal(session, "Test-Move");

        // A move: into the new group first, then out of the old one.
        await scope.RunAsync(ChangeIntents.AddGroupMember(to.Id, to.DisplayName, user.Id, user.UserPrincipalName), () =>
            session.Client.Groups[to.Id.ToString()].Members.Ref.PostAsync(new ReferenceCreate { OdataId = "https://graph.microsoft.com/v1.0/directoryObjects/" + user.Id }), CancellationToken.None);
        await scope.RunAsync(ChangeIntents.RemoveGroupMember(from.Id, from.DisplayName, user.Id, user.UserPrincipalName), () =>
            session.Client.Groups[from.Id.ToString()].Members[user.Id.ToString()].Ref.DeleteAsync(), CancellationToken.None);

        var sink = await UndoAsync(new UndoChangeRequest { Since = start });

        Assert.Empty(sink.Errors);
        var results = sink.Of<LicenseChangeUndoResult>().ToList();
        Assert.Equal(new[] { ChangeIntents.GroupRemoveMember, ChangeIntents.GroupAddMember }, results.Select(r => r.Operation));
        Assert.All(results, r => Assert.Equal(LicenseChangeUndoStatus.Undone, r.Status));
        Assert.Contains(user.Id, Tenant.Store.FindGroup(from.Id)!.Members);
        Assert.DoesNotContain(user.Id, Tenant.Store.FindGroup(to.Id)!.Members);

        // Undoing "since" again leaves the reversals alone and finds nothing left to do.
        var again = await UndoAsync(new UndoChangeRequest { Since = start });
        Assert.All(again.Of<LicenseChangeUndoResult>(), r => Assert.Equal(LicenseChangeUndoStatus.Skipped, r.Status));
    }

    [Fact]
    public async Task Declining_the_confirmation_writes_nothing_to_the_tenant_or_the_journal()
    {
        var user = Unlicensed("journal-i");
        var change = await AssignDirectAsync(user, Sku("SPE_E5"));
        var writes = Tenant.Statistics.Writes;

        var sink = await UndoAsync(new UndoChangeRequest { Id = new[] { change.Id } }, (_, _) => false);

        var question = Assert.Single(sink.ShouldProcessQuestions);
        Assert.Equal(user.UserPrincipalName, question.Target);
        Assert.Contains("remove the direct SPE_E5", question.Action);
        Assert.Equal(writes, Tenant.Statistics.Writes);
        Assert.Single(await LogAsync());
        Assert.True(HoldsDirect(user, Sku("SPE_E5")));
    }

    [Fact]
    public async Task Operations_without_a_reverser_and_changes_of_another_tenant_are_refused()
    {
        var scope = _fx.Engine.BeginJournal(_fx.Engine.Session!, "Test");
        var other = await scope.RunAsync(ChangeIntents.Other("Group.Create", "group", Guid.NewGuid().ToString(), "LIC-X", null, new { displayName = "LIC-X" }),
            () => Task.FromResult(0), CancellationToken.None);
        var foreign = JournalLine.ChangeLine(new JournalEntry
        {
            Id = Guid.NewGuid(), Time = _fx.Engine.Session!.Now, TenantId = Guid.NewGuid().ToString(), Operation = ChangeIntents.GroupAddMember,
            TargetType = "group", TargetId = Guid.NewGuid().ToString(), CorrelationId = Guid.NewGuid(),
            After = System.Text.Json.JsonDocument.Parse($"{{\"memberId\":\"{Guid.NewGuid()}\",\"isMember\":true}}").RootElement,
        });
        new JournalFile(_fx.Engine.JournalPath).Append(new[] { foreign });
        var ids = Load().Select(e => e.Id).ToArray();

        var sink = await UndoAsync(new UndoChangeRequest { Id = ids });

        Assert.Equal(new[] { ErrorIds.ChangeOfOtherTenant, ErrorIds.ChangeNotReversible }, sink.Errors.Select(e => e.Id));
        Assert.False((await LogAsync()).Single().Reversible);
        Assert.Equal(2, (await LogAsync(new GetChangeLogRequest { AllTenants = true })).Count);
    }

    [Fact]
    public async Task Unreadable_lines_are_left_out_with_a_warning_and_filters_apply()
    {
        var first = await AssignDirectAsync(Unlicensed("journal-j1"), Sku("SPE_E5"), command: "One");
        File.AppendAllText(_fx.Engine.JournalPath, "{\"kind\":\"change\",\"id\":\"cut sh");
        File.AppendAllText(_fx.Engine.JournalPath, "\n");
        await AssignDirectAsync(Unlicensed("journal-j2"), Sku("SPE_E5"), command: "Two");

        var sink = new CollectingSink();
        await _fx.Engine.GetChangeLogAsync(new GetChangeLogRequest(), sink);
        Assert.Equal(2, sink.Of<LicenseChange>().Count());
        Assert.Contains("1 line(s)", Assert.Single(sink.Warnings));

        Assert.Equal("journal-j2", (await LogAsync(new GetChangeLogRequest { Last = 1 })).Single().TargetName!.Split('@')[0]);
        Assert.Single(await LogAsync(new GetChangeLogRequest { Target = "journal-j1*" }));
        Assert.Equal(2, (await LogAsync(new GetChangeLogRequest { Operation = new[] { "User.*" } })).Count);
        Assert.Empty(await LogAsync(new GetChangeLogRequest { Operation = new[] { "Group.*" } }));
        Assert.Single(await LogAsync(new GetChangeLogRequest { CorrelationId = first.CorrelationId }));
    }

    [Fact]
    public async Task Lines_of_the_wrong_shape_are_left_out_with_one_warning_and_the_rest_stays_readable_and_undoable()
    {
        var user = Unlicensed("journal-k");
        var change = await AssignDirectAsync(user, Sku("SPE_E5"));
        var path = _fx.Engine.JournalPath;
        var firstBad = File.ReadAllLines(path).Length + 1;
        var now = DateTimeOffset.UtcNow.ToString("o");
        string[] bad =
        {
            $"{{\"kind\":\"outcome\",\"id\":\"{change.Id}\",\"time\":\"garbage\"}}",
            $"{{\"kind\":\"outcome\",\"id\":\"{change.Id}\",\"time\":\"{now}\",\"error\":7}}",
            $"{{\"kind\":\"outcome\",\"id\":\"{Guid.NewGuid()}\",\"time\":\"{now}\"}}",
            $"{{\"kind\":\"change\",\"time\":\"{now}\",\"operation\":\"Group.AddMember\",\"targetId\":\"{Guid.NewGuid()}\"}}",
            $"{{\"kind\":\"change\",\"id\":\"{Guid.NewGuid()}\",\"time\":\"{now}\",\"operation\":42}}",
            $"{{\"kind\":\"change\",\"id\":\"{Guid.NewGuid()}\",\"time\":\"{now}\",\"operation\":\"User.AssignLicense\",\"targetId\":\"{user.Id}\",\"before\":\"none\",\"after\":[]}}",
            $"{{\"kind\":\"change\",\"id\":\"{Guid.NewGuid()}\",\"time\":\"{now}\",\"operation\":\"Group.RemoveMember\",\"targetId\":\"not-a-group\",\"after\":{{}}}}",
            "[1,2,3]",
            "{\"kind\":\"unheard-of\"}",
        };
        File.AppendAllLines(path, bad);
        File.AppendAllBytes(path, new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}', (byte)'\n' });
        var second = await AssignDirectAsync(Unlicensed("journal-k2"), Sku("SPE_E5"));

        var sink = new CollectingSink();
        await _fx.Engine.GetChangeLogAsync(new GetChangeLogRequest(), sink);
        Assert.Equal(new[] { change.Id, second.Id }, sink.Of<LicenseChange>().Select(c => c.Id));
        Assert.All(sink.Of<LicenseChange>(), c => Assert.Equal(LicenseChangeStatus.Succeeded, c.Status));
        var warning = Assert.Single(sink.Warnings);
        Assert.Contains($"{bad.Length + 1} line(s)", warning);
        Assert.Contains($"the first at line {firstBad} ", warning);

        var undo = await UndoAsync(new UndoChangeRequest { Since = change.Time });
        Assert.Empty(undo.Errors);
        Assert.Single(undo.Warnings);
        Assert.Equal(2, undo.Of<LicenseChangeUndoResult>().Count(r => r.Status == LicenseChangeUndoStatus.Undone));
        Assert.False(HoldsDirect(user, Sku("SPE_E5")));
    }

    [Fact]
    public async Task A_folder_or_a_device_where_the_journal_should_be_is_a_clear_error_when_reading()
    {
        Directory.CreateDirectory(_fx.Engine.JournalPath);
        var folder = await Assert.ThrowsAsync<LicenseGovernanceException>(() => LogAsync());
        Assert.Equal(ErrorIds.JournalReadFailed, folder.Error.Id);
        Assert.Contains("folder", folder.Error.Message);

        if (File.Exists("/dev/zero"))
        {
            var device = Assert.Throws<LicenseGovernanceException>(() => new JournalFile("/dev/zero").Read());
            Assert.Equal(ErrorIds.JournalReadFailed, device.Error.Id);
            Assert.Contains("not a regular file", device.Error.Message);
        }
    }

    [Fact]
    public async Task Undo_of_a_correlation_id_no_change_has_says_so()
    {
        await AssignDirectAsync(Unlicensed("journal-l"), Sku("SPE_E5"));
        var unknown = Guid.NewGuid();

        var sink = await UndoAsync(new UndoChangeRequest { CorrelationId = unknown });

        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.CorrelationIdNotFound, error.Id);
        Assert.Contains(unknown.ToString(), error.Message);
        Assert.Contains("Get-LicenseChangeLog", error.Message);
        Assert.Empty(sink.Of<LicenseChangeUndoResult>());
    }

    [Fact]
    public async Task Tier_commands_journal_each_write_and_change_nothing_when_the_journal_is_unwritable()
    {
        var tier = await Tiers.TierSteps.NewTierAsync(_fx, "LIC-Journal-Tier", new[] { "SPE_E3" }, tier: 2);

        var log = await LogAsync();
        Assert.Equal(new[] { "Group.Create", "Group.AddExtension", "Group.AssignLicense" }, log.Select(l => l.Operation));
        Assert.All(log, l => Assert.Equal("New-LicenseTierGroup", l.Command));
        Assert.All(log, l => Assert.Equal(LicenseChangeStatus.Succeeded, l.Status));
        Assert.Equal(tier.GroupId.ToString(), log[2].TargetId);
        Assert.Contains(Sku("SPE_E3").SkuId.ToString(), log[2].After);
        Assert.Single(log.Select(l => l.CorrelationId).Distinct());

        File.Delete(_fx.Engine.JournalPath);
        Directory.CreateDirectory(_fx.Engine.JournalPath);
        var groups = Tenant.Store.Groups.Count;
        var writes = Tenant.Statistics.Writes;
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => Tiers.TierSteps.NewTierAsync(_fx, "LIC-Journal-Other", new[] { "SPE_E5" }, tier: 3));
        Assert.Equal(ErrorIds.JournalWriteFailed, ex.Error.Id);
        Assert.Equal(groups, Tenant.Store.Groups.Count);
        Assert.Equal(writes, Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task Undo_needs_a_selection()
    {
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.UndoChangesAsync(new UndoChangeRequest(), new CollectingSink()));
        Assert.Equal(ErrorIds.UndoSelectionRequired, ex.Error.Id);
    }
}
