using System.Diagnostics;
using System.Globalization;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Tests.Journal;

/// <summary>
/// Another process writing the journal: this test assembly started again as a program ("dotnet exec
/// LicenseGovernance.Tests.dll append ..."; the project sets GenerateProgramFile false so that this Main is its entry
/// point). It says "ready", waits for "go" on stdin so that two children start writing at the same moment, and ends with "done".
/// </summary>
internal sealed class JournalChildProcess : IDisposable
{
    private readonly Process _process;

    private JournalChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// append &lt;journal&gt; &lt;count&gt; &lt;tag&gt;: count changes, each a change line and then its outcome line in two appends,
    /// as a command run writes them; the target name is "&lt;tag&gt;-&lt;i&gt;".
    /// hold &lt;journal&gt;: takes the journal's lock and keeps it until killed.
    /// </summary>
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["append", var path, var count, var tag]:
                Ready();
                Append(new JournalFile(path), int.Parse(count, CultureInfo.InvariantCulture), tag);
                Console.WriteLine("done");
                return 0;
            case ["hold", var path]:
                using (JournalLock.Acquire(path, TimeSpan.FromSeconds(10)))
                {
                    Console.WriteLine("held");
                    Thread.Sleep(Timeout.Infinite);
                }

                return 0;
            default:
                Console.Error.WriteLine("usage: append <journal> <count> <tag> | hold <journal>");
                return 2;
        }
    }

    public static JournalChildProcess Start(params string[] args)
    {
        var self = typeof(JournalChildProcess).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", self }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return new JournalChildProcess(Process.Start(info) ?? throw new InvalidOperationException("Cannot start the journal child process."));
    }

    /// <summary>Waits for the child to say <paramref name="expected"/>; fails the test with what it said otherwise.</summary>
    public void Expect(string expected)
    {
        var line = _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        if (line != expected)
        {
            throw new InvalidOperationException($"The journal child process said '{line}' where '{expected}' was expected (exit code {(_process.HasExited ? _process.ExitCode : (int?)null)}).");
        }
    }

    public void Go() => _process.StandardInput.WriteLine("go");

    /// <summary>As a crash or kill -9 would end it: no finally block runs, no handle is closed by the program.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static void Ready()
    {
        Console.WriteLine("ready");
        if (Console.ReadLine() != "go")
        {
            throw new InvalidOperationException("The test did not say go.");
        }
    }

    private static void Append(JournalFile file, int count, string tag)
    {
        var correlation = Guid.NewGuid();
        for (var i = 0; i < count; i++)
        {
            var entry = new JournalEntry
            {
                Id = Guid.NewGuid(), Time = DateTimeOffset.UtcNow, Command = "Journal-Child", Operation = "Test.Write",
                TargetType = "test", TargetId = tag + "-" + i, TargetName = tag + "-" + i, CorrelationId = correlation,
            };
            file.Append(new[] { JournalLine.ChangeLine(entry) });
            file.Append(new[] { JournalLine.OutcomeLine(entry.Id, DateTimeOffset.UtcNow, null) });
        }
    }
}
