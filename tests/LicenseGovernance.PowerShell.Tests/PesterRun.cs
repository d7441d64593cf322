using System.Text.Json.Serialization;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>What one Invoke-Pester run reported, as plain values that cross from the child process as JSON.</summary>
public sealed record PesterRun(
    string PesterVersion,
    string PowerShellVersion,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<PesterTest> Tests,
    IReadOnlyList<PesterTest> FailedSetup,
    IReadOnlyList<string> Output)
{
    [JsonIgnore]
    public int Executed => Counts["Passed"] + Counts["Failed"];

    [JsonIgnore]
    public string CountLine => string.Join(", ", Counts.Select(c => $"{c.Key} {c.Value}"));
}

/// <summary>One Pester test (or a Describe block or file whose setup failed), named "File.Tests.ps1: Describe.It".</summary>
public sealed record PesterTest(string Name, string Result, bool Skip, string Error);
