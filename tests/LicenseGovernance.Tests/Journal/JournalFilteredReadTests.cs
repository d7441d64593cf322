using System.Text.Json;
using LicenseGovernance.Engine.Journal;
using Xunit;

namespace LicenseGovernance.Tests.Journal;

/// <summary>A read that keeps only some changes (the tier moves' bridges) keeps their outcomes and drops the rest.</summary>
public class JournalFilteredReadTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "journal-filter-" + Guid.NewGuid().ToString("N") + ".jsonl");

    [Fact]
    public void OnlyAcceptedChangesAreKept_WithTheirOutcomes_AndOtherOutcomesAreNotUnreadable()
    {
        var now = DateTimeOffset.UtcNow;
        var kept = Change("Sync-LicenseTier", now);
        var failed = Change("Sync-LicenseTier", now);
        var dropped = Change("Remove-ZombieLicense", now);
        var file = new JournalFile(_path);
        file.Append(new[]
        {
            JournalLine.ChangeLine(kept), JournalLine.ChangeLine(dropped), JournalLine.ChangeLine(failed),
            JournalLine.OutcomeLine(dropped.Id, now, null), JournalLine.OutcomeLine(kept.Id, now, null), JournalLine.OutcomeLine(failed.Id, now, "Forbidden"),
            // A second line with a dropped change's id is still unreadable, as in a whole read.
            JournalLine.ChangeLine(dropped),
        });

        var whole = file.Read();
        var some = file.Read(e => e.Command == "Sync-LicenseTier");

        Assert.Equal(3, whole.Entries.Count);
        Assert.Equal(new[] { kept.Id, failed.Id }, some.Entries.Select(e => e.Id));
        Assert.Equal(new[] { LicenseChangeStatus.Succeeded, LicenseChangeStatus.Failed }, some.Entries.Select(e => e.Status));
        Assert.Equal(whole.Unreadable, some.Unreadable);
        Assert.Equal(1, some.Unreadable);
    }

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(_path + ".lock");
    }

    private static JournalEntry Change(string command, DateTimeOffset time) => new()
    {
        Id = Guid.NewGuid(), Time = time, TenantId = Guid.NewGuid().ToString(), Command = command, Operation = ChangeIntents.GroupAddMember,
        TargetType = "group", TargetId = Guid.NewGuid().ToString(), CorrelationId = Guid.NewGuid(),
        After = JsonDocument.Parse($"{{\"memberId\":\"{Guid.NewGuid()}\",\"isMember\":true}}").RootElement,
    };
}
