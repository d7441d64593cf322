using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Journal;

/// <summary>
/// Changes left Unknown (the run killed, Graph's answer lost) get their real outcome from the tenant through
/// Update-LicenseChangeLog.
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
}
