using System.IO;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>Issue 5's health score and HTML report through the real cmdlets in a hosted PowerShell 7.6 runspace, on the embedded demo tenant.</summary>
public sealed class HealthCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 200";

    private readonly PowerShellSession _ps = new();
    private readonly string _folder = Path.Combine(TestSettings.Home, "health-" + Guid.NewGuid().ToString("N"));

    public HealthCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void GetLicenseHealthShowsTheScoreAndEveryComponentWithItsFix()
    {
        Clean(_ps.Run(Connect));

        var health = Assert.Single(Clean(_ps.Run("Get-LicenseHealth -InactiveDays 60")).Of<LicenseHealth>());

        Assert.InRange(health.Score, 0, 100);
        Assert.Equal(new[] { "Waste", "LicenseErrors", "DirectAssignments", "Ungoverned", "ConflictingTiers" }, health.Components.Select(c => c.Name));
        Assert.Equal(100, health.Components.Sum(c => c.Weight));
        Assert.All(health.Components, c => Assert.False(string.IsNullOrEmpty(c.FixedBy)));
        Assert.True(health.MonthlyWaste > 0);

        // The views: the score as a list with a line per component, the components as a table.
        var list = string.Join("\n", Clean(_ps.Run("Get-LicenseHealth | Out-String -Width 200")).Output);
        Assert.Contains("Score", list);
        Assert.Contains("Waste", list);
        Assert.Contains("fix: Get-ZombieLicense | Remove-ZombieLicense", list);
        var table = string.Join("\n", Clean(_ps.Run("(Get-LicenseHealth).Components | Format-Table | Out-String -Width 250")).Output);
        Assert.Contains("FixedBy", table);
        Assert.Contains("ConflictingTiers", table);
    }

    [Fact]
    public void ExportWritesTheReport_KeepsAnExistingFileWithoutForce_AndWhatIfWritesNothing()
    {
        Clean(_ps.Run(Connect));
        var path = Path.Combine(_folder, "report.html");

        var whatIf = Clean(_ps.Run($"Export-LicenseHealthReport -Path '{path}' -WhatIf"));
        Assert.Empty(whatIf.Output);
        Assert.False(File.Exists(path));

        var written = Assert.IsType<FileInfo>(Assert.Single(Clean(_ps.Run($"Export-LicenseHealthReport -Path '{path}'")).Output));
        Assert.Equal(path, written.FullName);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("id=\"license-health-data\"", html);

        var again = _ps.Run($"Export-LicenseHealthReport -Path '{path}'");
        Assert.StartsWith("LicenseGovernance.HealthReportExists,", again.FirstErrorId);
        Assert.Equal(html, File.ReadAllText(path));

        Clean(_ps.Run($"Set-Location '{_folder}'; Export-LicenseHealthReport report.html -Force | Out-Null"));
        Assert.Contains("id=\"license-health-data\"", File.ReadAllText(path));
    }

    [Fact]
    public void AMissingFolderIsATerminatingErrorWithItsId()
    {
        Clean(_ps.Run(Connect));

        var result = _ps.Run($"Export-LicenseHealthReport -Path '{Path.Combine(_folder, "missing", "r.html")}'");

        Assert.StartsWith("LicenseGovernance.HealthReportPathInvalid,", result.FirstErrorId);
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }
}
