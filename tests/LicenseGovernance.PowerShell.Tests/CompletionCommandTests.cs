using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Tab completion through PowerShell's own completion entry point (what TabExpansion2 calls) in a hosted runspace on the
/// simulated tenant: users and groups come from the tenant by prefix, SKUs by part number or product name.
/// </summary>
public sealed class CompletionCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300";

    private readonly PowerShellSession _ps = new();

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
    }

    [Fact]
    public void UsersComeFromTheConnectedTenantByPrefix_AndNothingBeforeConnecting()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        Assert.Empty(Complete("Get-TierAssignment -User zq"));

        Clean(_ps.Run(Connect));
        var upn = Clean(_ps.Run("(Get-ZombieLicense | Select-Object -First 1).UserPrincipalName")).Output.Cast<string>().Single();
        var prefix = upn.Substring(0, 4);

        foreach (var command in new[] { "Get-TierAssignment -User ", "Remove-ZombieLicense -Sku SPE_E3 -User ", "Sync-LicenseTier -User ", "Get-UnderusedLicense -User " })
        {
            var offered = Complete(command + prefix);
            Assert.Contains(upn, offered);
            Assert.True(offered.Length <= 20, command + ": " + offered.Length + " offered");
        }
    }

    [Fact]
    public void GroupsAndApproversComeFromTheTenant()
    {
        Clean(_ps.Run(Connect));

        var groups = Complete("New-TierAccessPackage -Tier LIC-M365-E3 -RequestorGroup LIC-M365-E");
        Assert.Contains("LIC-M365-E3", groups);
        Assert.Contains("LIC-M365-E5", groups);
        Assert.All(groups, g => Assert.StartsWith("LIC-M365-E", g, StringComparison.OrdinalIgnoreCase));

        var upn = Clean(_ps.Run("(Get-ZombieLicense | Select-Object -First 1).UserPrincipalName")).Output.Cast<string>().Single();
        Assert.Contains(upn, Complete("New-TierAccessPackage -Tier LIC-M365-E3 -Approver " + upn.Substring(0, 5)));
        Assert.Contains("LIC-M365-E5", Complete("New-TierAccessPackage -Tier LIC-M365-E3 -Approver LIC-M365-E"));
    }

    [Fact]
    public void SkusCompleteByPartNumberOrProductNameOnThePriceAndSkuCommands()
    {
        Clean(_ps.Run(Connect));

        Assert.Equal(new[] { "SPE_E3", "SPE_E5", "SPE_F1" }, Complete("Get-LicensePrice -Sku SPE_"));
        Assert.Equal(new[] { "SPE_E3", "SPE_E5", "SPE_F1" }, Complete("Set-LicensePrice -MonthlyPrice 1 -Currency USD -Sku SPE_"));
        Assert.Equal(new[] { "SPE_E3", "SPE_E5", "SPE_F1" }, Complete("Get-LicenseSku -Sku SPE_"));
        Assert.Equal(new[] { "Microsoft 365 E3", "Microsoft 365 E5" }, Complete("Get-LicenseSku -Sku 'Microsoft 365 E"));
    }

    private string[] Complete(string input) =>
        _ps.Run($"[System.Management.Automation.CommandCompletion]::CompleteInput(\"{input.Replace("\"", "`\"")}\", {input.Length}, $null).CompletionMatches | ForEach-Object CompletionText")
            .Output.Cast<string>().Select(Unquoted).ToArray();

    /// <summary>Names holding '@' or spaces come quoted so they paste as one argument; the tests compare the names.</summary>
    private static string Unquoted(string text) => text.Length > 1 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'") : text;

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Errors.Count == 0 && result.Terminating == null, result.AllErrorText);
        return result;
    }
}
