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

    /// <summary>The suite's files, tests/*.Tests.ps1, in a fixed order.</summary>
    public static IReadOnlyList<string> Files()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new InvalidOperationException("No tests/*.Tests.ps1 file was found under " + RepositoryPaths.Root);
    }

    private static PesterRun Invoke(string command)
    {
        var resultFile = Path.Combine(Path.GetTempPath(), $"lg-pester-{Guid.NewGuid():N}.json");
        try
        {
            var arguments = new[] { "exec", typeof(PesterHost).Assembly.Location, command, resultFile }.Concat(Files());
            var (exitCode, output, errors) = ChildProcess.Run(ChildProcess.Dotnet, arguments, Timeout, "The Pester suite");
            if (exitCode != 0 || !File.Exists(resultFile))
            {
                throw new InvalidOperationException($"The Pester host exited with code {exitCode}:\n{errors}\n{output}");
            }

            return JsonSerializer.Deserialize<PesterRun>(File.ReadAllText(resultFile))!;
        }
        finally
        {
            File.Delete(resultFile);
        }
    }
}
