using System.Diagnostics;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>Runs a child process to its end with a time limit, for the Pester runs that need a process of their own.</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet CLI names its own executable for child processes; a test host started otherwise finds it on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static (int ExitCode, string Output, string Errors) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string what)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
