using LicenseGovernance.Engine;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Xunit;

namespace LicenseGovernance.Tests.Journal;

/// <summary>Connect-LicenseGovernance -JournalPath refuses, before signing in, a journal it could never write.</summary>
public sealed class JournalPathTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lg-journal-path-" + Guid.NewGuid().ToString("N"));

    public JournalPathTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Unwritable()
    {
        var paths = new TheoryData<string> { "folder", "file/journal.jsonl", "bad\0name.jsonl" };
        if (OperatingSystem.IsLinux())
        {
            // Read-only even for root, which the CI container runs as.
            paths.Add("/proc/lg-journal.jsonl");
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task A_journal_path_that_can_never_be_written_refuses_the_connection(string relative)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "folder"));
        File.WriteAllText(Path.Combine(_folder, "file"), "not a folder");
        var path = relative.StartsWith('/') ? relative : Path.Combine(_folder, relative);
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = _folder });

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 10, JournalPath = path }, new CollectingSink()));

        Assert.Equal(ErrorIds.JournalPathUnusable, ex.Error.Id);
        Assert.Contains("Nothing was connected", ex.Error.Message);
        Assert.Null(engine.Context);
        Assert.NotEqual(path, engine.JournalPath);
    }

    [Fact]
    public async Task A_writable_journal_path_connects_without_creating_the_journal()
    {
        var path = Path.Combine(_folder, "new", "journal.jsonl");
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = _folder });
        var sink = new CollectingSink();

        var context = await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 10, JournalPath = path }, sink);

        Assert.Equal(path, context.JournalPath);
        Assert.Empty(sink.Warnings);
        Assert.False(File.Exists(path));
        engine.Disconnect();
    }

    [Fact]
    public async Task An_unwritable_default_journal_only_warns_since_reading_commands_need_none()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "journal.jsonl"));
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = _folder });
        var sink = new CollectingSink();

        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 10 }, sink);

        Assert.NotNull(engine.Context);
        Assert.Contains("commands that change the tenant will refuse", Assert.Single(sink.Warnings));
        engine.Disconnect();
    }
}
