using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Issue 14 through the real cmdlets in a hosted PowerShell 7.6 runspace, on the embedded demo tenant: its frontline group
/// (SPE_F1) becomes the Tier1 baseline. Document 000 end to end, with the clock moved by Set-LicenseSimulatorTime, is in
/// tests/Lifecycle.Tests.ps1.
/// </summary>
public sealed class LifecycleCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 200";

    private const string Tiers = """
        New-LicenseTierGroup -Name LIC-M365-F3 -Sku SPE_F1 -Rank 1 -Baseline -Force | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier2 -ExpirationDays 365 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 365 | Out-Null
        """;

    /// <summary>A frontline worker holding nothing but the baseline's SPE_F1, from the baseline group.</summary>
    private const string Frontline = """
        $held = Get-DirectLicenseAssignment
        ($held | Where-Object { $_.SkuPartNumber -eq 'SPE_F1' -and $_.Assignment -eq 'Inherited' } |
            Where-Object { $u = $_.UserId; @($held | Where-Object UserId -eq $u).Count -eq 1 } | Select-Object -First 1).UserPrincipalName
        """;

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
    public void WhatIfListsTheStepsAndChangesNothing_ThePipelineBindsUsersByProperty()
    {
        Clean(_ps.Run(Connect));
        Clean(_ps.Run(Tiers));
        var sub = (string)Clean(_ps.Run(Frontline)).Output.Single()!;
        var before = TenantState();

        var whatIf = Clean(_ps.Run($"[pscustomobject]@{{ UserPrincipalName = '{sub}' }} | Move-UserLicenseTier -Tier LIC-M365-Tier3 -WhatIf -Verbose"));

        Assert.Empty(whatIf.Output);
        var asked = Assert.Single(whatIf.Verbose, v => v.StartsWith(sub + ": Move from LIC-M365-F3 to LIC-M365-Tier3", StringComparison.Ordinal));
        Assert.Contains("swap in one assignLicense", asked);
        Assert.Equal(before, TenantState());
        var summary = Assert.Single(Clean(_ps.Run("Sync-LicenseTier -Summary -WhatIf")).Of<TierSyncSummary>());
        Assert.Equal(0, summary.Writes);
        Assert.Equal(before, TenantState());
    }

    [Fact]
    public void Document002Step7_TheTier3PackageIsRefusedWhileHeld_AndWithForceItsHolderGoesBackToTheBaselineWithoutAGap()
    {
        // A journal of its own: every test here connects to the same demo tenant, and another test's undo of the tenant's
        // assignment removals must not meet this one's, whose package is gone.
        Clean(_ps.Run(Connect + $" -JournalPath '{NewFile("journal")}'"));
        Clean(_ps.Run(Tiers));
        var sub = (string)Clean(_ps.Run(Frontline)).Output.Single()!;
        Clean(_ps.Run($"Move-UserLicenseTier -User '{sub}' -Tier LIC-M365-Tier3 -Confirm:$false | Out-Null"));
        var before = TenantState();

        var refused = _ps.Run("Remove-TierAccessPackage -Tier LIC-M365-Tier3 -Confirm:$false");
        Assert.StartsWith("LicenseGovernance.TierAccessPackageInUse", refused.FirstErrorId);
        Assert.Contains("1 active assignment(s)", refused.AllErrorText);
        var whatIf = Clean(_ps.Run("Remove-TierAccessPackage -Tier LIC-M365-Tier3 -Force -WhatIf -Verbose"));
        Assert.Empty(whatIf.Output);
        var asked = string.Join("\n", whatIf.Verbose);
        Assert.Contains($"{sub}: from LIC-M365-Tier3 to LIC-M365-F3: bridge: assign SPE_E5 directly", asked);
        Assert.Contains("Delete accessPackage 'LIC-M365-Tier3': DELETE /identityGovernance/entitlementManagement/accessPackages/", asked);
        Assert.Equal(before, TenantState());

        var removal = Assert.Single(Clean(_ps.Run("Get-TierAccessPackage -Tier LIC-M365-Tier3 | Remove-TierAccessPackage -Force -Confirm:$false")).Of<TierAccessPackageRemoval>());

        Assert.True(removal.Removed, removal.Detail);
        var moved = Assert.Single(removal.Holders);
        Assert.Equal((sub, TierMoveOutcome.Moved, "LIC-M365-F3"), (moved.UserPrincipalName, moved.Outcome, moved.ToTier));
        Assert.Equal(new[] { "LIC-M365-Tier2" }, Clean(_ps.Run("Get-TierAccessPackage")).Of<TierAccessPackage>().Select(p => p.Name));
        Assert.Empty(Clean(_ps.Run($"Get-LicenseTierConflict -User '{sub}'")).Output);
        Assert.Empty(Clean(_ps.Run($"Get-LicenseSimulatorTimeline -User '{sub}' -Gaps | Where-Object ScopeKind -eq 'MailboxLicense'")).Output);
    }

    [Theory]
    [InlineData("Move-UserLicenseTier -User nobody@contoso.onmicrosoft.com -Tier LIC-M365-Tier3", "UserNotFound", "nobody")]
    [InlineData("Move-UserLicenseTier -User {0} -Tier LIC-M365-Tier9", "GroupNotFound", "LIC-M365-Tier9")]
    [InlineData("Move-UserLicenseTier -User {0} -Tier LIC-M365-Tier3 -EndDate 2001-01-01", "TierAssignmentEndInvalid", "future")]
    [InlineData("Sync-LicenseTier -LookAhead (New-TimeSpan -Days 40)", "LookAheadInvalid", "31 days")]
    public void BadInputFailsWithItsCatalogueErrorAndWritesNothing(string command, string errorId, string mentioned)
    {
        Clean(_ps.Run(Connect));
        Clean(_ps.Run(Tiers));
        var sub = (string)Clean(_ps.Run(Frontline)).Output.Single()!;
        var before = TenantState();

        var result = _ps.Run(string.Format(CultureInfo.InvariantCulture, command, sub));

        Assert.StartsWith("LicenseGovernance." + errorId, result.FirstErrorId);
        Assert.Contains(mentioned, result.AllErrorText);
        Assert.Empty(result.Output);
        Assert.Equal(before, TenantState());
    }

    private JsonObject Snapshot()
    {
        var path = NewFile("snapshot");
        Clean(_ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'"));
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>Everything the tenant holds that a command could write, the clock and licence processing aside.</summary>
    private string TenantState()
    {
        var snapshot = Snapshot();
        snapshot.Remove("clock");
        foreach (var group in snapshot["groups"]!.AsArray())
        {
            group!.AsObject().Remove("licenseProcessingState");
        }

        return snapshot.ToJsonString();
    }

    private string NewFile(string kind)
    {
        var path = Path.Combine(TestSettings.Home, $"lifecycle-{kind}-{Guid.NewGuid():N}.json");
        _files.Add(path);
        return path;
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }
}
