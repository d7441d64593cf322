using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Get-UnderusedLicense through the real cmdlet in a hosted PowerShell 7.6 runspace, on the embedded demo tenant (whose
/// users have usage in the reports, and whose reports show names).
/// </summary>
public sealed class UsageCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 400";

    private readonly PowerShellSession _ps = new();
    private readonly List<string> _files = new();

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
        foreach (var file in _files.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FindsE5HoldersE3Covers_WithTheSavingFromTheSessionsPrices_AndATableView()
    {
        Clean(_ps.Run(Connect));
        var e5 = Clean(_ps.Run("Get-LicensePrice -Sku SPE_E5")).Of<LicensePrice>().Single();
        var e3 = Clean(_ps.Run("Get-LicensePrice -Sku SPE_E3")).Of<LicensePrice>().Single();

        var run = Clean(_ps.Run("Get-UnderusedLicense -Sku SPE_E5 -Period D90"));

        var found = run.Of<UnderusedLicense>().ToList();
        Assert.NotEmpty(found);
        Assert.All(found, r =>
        {
            Assert.Equal("SPE_E3", r.SuggestedSkuPartNumber);
            Assert.Equal("D90", r.Period);
            Assert.NotEmpty(r.WorkloadsUsed.Concat(r.AppsUsed));
            Assert.NotEmpty(r.NotVisibleInReports);
            Assert.False(string.IsNullOrEmpty(r.Evidence));
        });
        // Another test in this run may have given E5 a price in another currency; the saving follows whatever the price book says.
        var expected = string.Equals(e5.Currency, e3.Currency, StringComparison.OrdinalIgnoreCase) ? e5.MonthlyPrice - e3.MonthlyPrice : (decimal?)null;
        Assert.All(found, r => Assert.Equal(expected, r.MonthlySaving));

        var table = Clean(_ps.Run("Get-UnderusedLicense -Sku SPE_E5 -Period D90 -WarningAction SilentlyContinue | Format-Table | Out-String")).Output.Cast<string>().Single();
        Assert.Contains("Suggested", table);
        Assert.Contains("SPE_E3", table);
    }

    [Fact]
    public void ResultsPipeBackByUserId()
    {
        Clean(_ps.Run(Connect));

        var first = Clean(_ps.Run("Get-UnderusedLicense -WarningAction SilentlyContinue | Select-Object -First 2")).Of<UnderusedLicense>().ToList();
        var again = Clean(_ps.Run("Get-UnderusedLicense -WarningAction SilentlyContinue | Select-Object -First 2 | Get-UnderusedLicense -WarningAction SilentlyContinue")).Of<UnderusedLicense>().ToList();

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(r => (r.UserId, r.SkuPartNumber)), again.Select(r => (r.UserId, r.SkuPartNumber)));
    }

    [Fact]
    public void APeriodOutsideTheReportsIsRefusedByParameterValidation()
    {
        Clean(_ps.Run(Connect));

        var result = _ps.Run("Get-UnderusedLicense -Period D14");

        Assert.Contains("ParameterArgumentValidationError", result.FirstErrorId);
        Assert.Empty(result.Of<UnderusedLicense>());
    }

    [Fact]
    public void ASkuWithoutACheaperTierIsANamedError()
    {
        Clean(_ps.Run(Connect));

        var result = _ps.Run("Get-UnderusedLicense -Sku SPE_F1");

        Assert.StartsWith("LicenseGovernance.UsageSkuHasNoCheaperTier,", result.FirstErrorId);
    }

    [Fact]
    public void ConcealedReportNames_AreATerminatingErrorThatSaysHowToShowThem()
    {
        Clean(_ps.Run(Connect));
        var path = Path.Combine(TestSettings.Home, "concealed-" + Guid.NewGuid().ToString("N") + ".json");
        _files.Add(path);
        Clean(_ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'"));
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.False(root["displayConcealedNames"]!.GetValue<bool>());
        root["displayConcealedNames"] = true;
        File.WriteAllText(path, root.ToJsonString());
        Clean(_ps.Run($"Connect-LicenseGovernance -Simulator -SnapshotPath '{path}'"));

        var result = _ps.Run("Get-UnderusedLicense");

        Assert.StartsWith("LicenseGovernance.UsageReportNamesConcealed,", result.FirstErrorId);
        Assert.Contains("displayConcealedNames", result.AllErrorText);
        Assert.Contains("Org settings", result.AllErrorText);
        Assert.Empty(result.Of<UnderusedLicense>());
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }
}
