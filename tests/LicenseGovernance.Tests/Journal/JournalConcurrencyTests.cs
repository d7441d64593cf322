using System.Diagnostics;
using System.Text.Json;
using LicenseGovernance.Engine.Journal;
using Xunit;

namespace LicenseGovernance.Tests.Journal;

/// <summary>
/// Two real processes writing one journal, as two runbooks on one Hybrid Worker do: every line whole, no change lost, and
/// a lock that dies with the process holding it.
/// </summary>
public sealed class JournalConcurrencyTests : IDisposable
{
    private const int ChangesPerProcess = 500;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lg-journal-" + Guid.NewGuid().ToString("N"));

    public JournalConcurrencyTests()
    {
        Directory.CreateDirectory(_folder);
    }

    private string JournalPath => Path.Combine(_folder, "journal.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Two_processes_appending_at_once_lose_nothing_and_corrupt_nothing()
    {
        using var one = JournalChildProcess.Start("append", JournalPath, ChangesPerProcess.ToString(), "one");
        using var two = JournalChildProcess.Start("append", JournalPath, ChangesPerProcess.ToString(), "two");
        one.Expect("ready");
        two.Expect("ready");
        one.Go();
        two.Go();
        one.Expect("done");
        two.Expect("done");

        var lines = File.ReadAllLines(JournalPath);
        Assert.Equal(4 * ChangesPerProcess, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        var contents = new JournalFile(JournalPath).Read();
        Assert.Equal(0, contents.Unreadable);
        var expected = new[] { "one", "two" }.SelectMany(tag => Enumerable.Range(0, ChangesPerProcess).Select(i => tag + "-" + i)).Order();
        Assert.Equal(expected, contents.Entries.Select(e => e.TargetId).Order());
        Assert.All(contents.Entries, e => Assert.Equal(LicenseChangeStatus.Succeeded, e.Status));
    }

    [Fact]
    public void A_lock_held_by_another_process_fails_the_write_clearly_and_dies_with_that_process()
    {
        var file = new JournalFile(JournalPath, TimeSpan.FromMilliseconds(300));
        file.Append(new[] { Line("before") });
        using var holder = JournalChildProcess.Start("hold", JournalPath);
        holder.Expect("held");

        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<LicenseGovernanceException>(() => file.Append(new[] { Line("while held") }));
        Assert.Equal(ErrorIds.JournalWriteFailed, refused.Error.Id);
        Assert.Contains(JournalLock.PathFor(JournalPath), refused.Error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));

        holder.Kill();
        // The lock file outlives its holder; it is the open handle that locks, and that went with the process.
        Assert.True(File.Exists(JournalPath + ".lock"));
        file.Append(new[] { Line("after") });
        Assert.Equal(new[] { "before", "after" }, file.Read().Entries.Select(e => e.TargetId));
    }

    [Fact]
    public void A_tail_cut_by_a_crash_stays_a_fragment_and_the_next_change_starts_on_its_own_line()
    {
        var file = new JournalFile(JournalPath);
        file.Append(new[] { Line("first") });
        var cut = Line("cut").ToJsonString();
        File.AppendAllText(JournalPath, cut[..(cut.Length / 2)]);

        file.Append(new[] { Line("next") });

        var contents = file.Read();
        Assert.Equal(new[] { "first", "next" }, contents.Entries.Select(e => e.TargetId));
        Assert.Equal(1, contents.Unreadable);
        Assert.Equal(2, contents.FirstUnreadableLine);
        Assert.Equal(3, File.ReadAllLines(JournalPath).Length);
    }

    private static System.Text.Json.Nodes.JsonObject Line(string target) => JournalLine.ChangeLine(new JournalEntry
    {
        Id = Guid.NewGuid(), Time = DateTimeOffset.UtcNow, Operation = "Test.Write", TargetType = "test", TargetId = target, CorrelationId = Guid.NewGuid(),
    });
}
