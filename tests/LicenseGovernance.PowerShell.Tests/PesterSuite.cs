using System.Diagnostics;
using System.Text.Json;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Runs the repository's Pester suite (tests/*.Tests.ps1) through <see cref="PesterHost"/> in a child process, so that
/// CI without pwsh still runs it. The suite imports out/LicenseGovernance itself, as it does under pwsh.
/// </summary>
internal static class PesterSuite
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The whole suite, run once and shared by every test that reports on it.</summary>
    public static Lazy<PesterRun> Run { get; } = new(() => Invoke(PesterHost.RunCommand));

    /// <summary>Pester's discovery phase only: names every test and whether its -Skip condition holds here.</summary>
    public static PesterRun Discover() => Invoke(PesterHost.DiscoverCommand);

    private static PesterRun Invoke(string command)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException("No tests/*.Tests.ps1 file was found under " + RepositoryPaths.Root);
        }

        var resultFile = Path.Combine(Path.GetTempPath(), $"lg-pester-{Guid.NewGuid():N}.json");
        // The dotnet CLI names its own executable for child processes; a test host started otherwise finds it on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "exec", typeof(PesterHost).Assembly.Location, command, resultFile }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The Pester suite did not finish within {Timeout.TotalMinutes} minutes.");
            }

            if (process.ExitCode != 0 || !File.Exists(resultFile))
            {
                throw new InvalidOperationException($"The Pester host exited with code {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
            }

            return JsonSerializer.Deserialize<PesterRun>(File.ReadAllText(resultFile))!;
        }
        finally
        {
            File.Delete(resultFile);
        }
    }
}
