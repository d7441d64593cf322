using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Issue 5's zombie licences through the real cmdlets in a hosted PowerShell 7.6 runspace, on the embedded demo tenant,
/// whose users include disabled, departed, inactive and never-signed-in ones holding licences directly and by group.
/// </summary>
public sealed class WasteCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300";

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
    public void ZombiesCarryReasonsEvidenceSourcesAndCost_AndUtilizationCountsThem()
    {
        Clean(_ps.Run(Connect));

        var zombies = Clean(_ps.Run("Get-ZombieLicense")).Of<ZombieLicense>().ToList();
        Assert.NotEmpty(zombies);
        Assert.Contains(zombies, z => z.Reasons.Contains(ZombieReason.Departed) && z.EmployeeLeaveDateTime != null);
        Assert.Contains(zombies, z => z.Reasons.Contains(ZombieReason.Disabled) && !z.AccountEnabled);
        Assert.Contains(zombies, z => z.Reasons.Contains(ZombieReason.Inactive) && z.DaysSinceSignIn > 90);
        Assert.Contains(zombies, z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Group && s.GroupName != null));
        Assert.Contains(zombies, z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Direct));
        Assert.All(zombies.Where(z => z.MonthlyCost != null), z => Assert.Equal(z.MonthlyCost * 12, z.AnnualCost));
        Assert.DoesNotContain(zombies, z => z.UserType == "Guest");

        var utilization = Clean(_ps.Run("Get-LicenseUtilization")).Of<LicenseUtilization>().ToList();
        foreach (var sku in utilization)
        {
            Assert.Equal(zombies.Count(z => z.SkuId == sku.SkuId), sku.AssignedToZombies);
            Assert.Equal(sku.MonthlyPrice * sku.AssignedToZombies, sku.ZombieMonthlyCost);
            Assert.Equal(sku.MonthlyPrice * sku.Available, sku.UnassignedMonthlyCost);
        }

        // The table view and Export-Csv both work on the flat properties.
        var table = Clean(_ps.Run("Get-ZombieLicense -Sku SPE_E5 | Format-Table | Out-String -Width 250")).Output.OfType<string>().Single();
        Assert.Contains("AssignedBy", table);
        var csv = Path.Combine(TestSettings.Home, "zombies-" + Guid.NewGuid().ToString("N") + ".csv");
        _files.Add(csv);
        Clean(_ps.Run($"Get-ZombieLicense | Export-Csv -Path '{csv}' -NoTypeInformation"));
        var header = File.ReadLines(csv).First();
        Assert.Contains("\"Reason\"", header);
        Assert.Contains("\"AssignedBy\"", header);
    }

    [Fact]
    public void RemoveWhatIfListsEveryChangeAndTheMoneyAndChangesNothing()
    {
        Clean(_ps.Run(Connect));
        var before = TenantState();

        var run = Clean(_ps.Run("Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf"));
        var results = run.Of<ZombieLicenseRemoval>().ToList();
        Assert.NotEmpty(results);
        Assert.Equal(run.Output.Count, results.Count);
        Assert.All(results, r => Assert.Equal(ZombieRemovalOutcome.NotConfirmed, r.Outcome));
        var summary = Assert.IsType<ZombieLicenseRemovalSummary>(Assert.Single(
            Clean(_ps.Run("Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf -Summary")).Output));
        Assert.True(summary.WhatIf);
        // -WhatIf is said even when every licence is skipped (mailboxes without -IncludeMailboxLicenses) and nothing is asked.
        Assert.True(Assert.Single(Clean(_ps.Run("Get-ZombieLicense -Reason Departed -Sku SPE_E3 | Remove-ZombieLicense -WhatIf -Summary -WarningAction SilentlyContinue")).Of<ZombieLicenseRemovalSummary>()).WhatIf);
        Assert.Equal(results.Where(r => r.MonthlyRecovered != null && r.Currency == summary.Currency).Sum(r => r.MonthlyRecovered!.Value), summary.MonthlyNotConfirmed);
        Assert.Equal(before, TenantState());
    }

    [Fact]
    public void RemoveTakesPipedZombiesAway_MailboxLicensesNeedTheSwitch_AndUndoRestoresThem()
    {
        Clean(_ps.Run(Connect));
        var departed = Clean(_ps.Run("Get-ZombieLicense -Reason Departed")).Of<ZombieLicense>().ToList();
        Assert.Contains(departed, z => z.HasMailbox);

        var skipped = Clean(_ps.Run("Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -Confirm:$false"));
        Assert.Contains(skipped.Warnings, w => w.Contains("deleted after 30 days"));
        Assert.All(skipped.Of<ZombieLicenseRemoval>().Where(r => departed.Single(d => d.UserId == r.UserId && d.SkuPartNumber == r.SkuPartNumber).HasMailbox),
            r => Assert.Equal(ZombieRemovalOutcome.Skipped, r.Outcome));

        var run = Clean(_ps.Run("Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -Confirm:$false"));
        Assert.Equal(run.Output.Count, run.Of<ZombieLicenseRemoval>().Count());
        Assert.DoesNotContain(run.Of<ZombieLicenseRemoval>(), r => r.Outcome == ZombieRemovalOutcome.Failed);
        var correlationId = Assert.Single(run.Of<ZombieLicenseRemoval>().Select(r => r.CorrelationId).Distinct());
        Assert.NotNull(correlationId);

        // Direct licences are gone at once; group licences leave when Entra processes the groups, so for those the journal shows the membership removal.
        var left = Clean(_ps.Run("Get-ZombieLicense -Reason Departed")).Of<ZombieLicense>().Select(z => (z.UserId, z.SkuPartNumber)).ToHashSet();
        var removed = run.Of<ZombieLicenseRemoval>().Where(r => r.Outcome == ZombieRemovalOutcome.Removed).ToList();
        bool DirectOnly(ZombieLicenseRemoval r) => departed.Single(d => d.UserId == r.UserId && d.SkuPartNumber == r.SkuPartNumber).Sources.All(s => s.Kind == LicenseSourceKind.Direct);
        Assert.Contains(removed, DirectOnly);
        Assert.All(removed.Where(DirectOnly), r => Assert.DoesNotContain((r.UserId, r.SkuPartNumber), left));
        var changes = Clean(_ps.Run($"Get-LicenseChangeLog -CorrelationId '{correlationId}'")).Of<LicenseChange>().ToList();
        Assert.Equal(removed.Sum(r => r.Changes.Count), changes.Count);
        Assert.All(removed.Where(r => !DirectOnly(r)), r => Assert.Contains(changes, c => c.Operation == "Group.RemoveMember" && c.TargetName != null));
        Assert.All(removed.Where(DirectOnly), r => Assert.Contains(changes, c => c.Operation == "User.AssignLicense" && c.TargetId == r.UserId.ToString()));

        var undo = Clean(_ps.Run($"Undo-LicenseChange -CorrelationId '{correlationId}' -Confirm:$false"));
        Assert.Equal(changes.Count, undo.Of<LicenseChangeUndoResult>().Count(u => u.Status == LicenseChangeUndoStatus.Undone));
        var back = Clean(_ps.Run("Get-ZombieLicense -Reason Departed")).Of<ZombieLicense>().Select(z => (z.UserId, z.SkuPartNumber)).ToHashSet();
        Assert.All(removed.Where(DirectOnly), r => Assert.Contains((r.UserId, r.SkuPartNumber), back));
    }

    [Fact]
    public void RowsFromAReviewedCsvBindByUserAndSku()
    {
        Clean(_ps.Run(Connect));
        var csv = Path.Combine(TestSettings.Home, "review-" + Guid.NewGuid().ToString("N") + ".csv");
        _files.Add(csv);
        var zombies = Clean(_ps.Run($"Get-ZombieLicense -Reason Departed | Export-Csv -Path '{csv}' -NoTypeInformation; Import-Csv '{csv}'")).Output.Count;
        Assert.True(zombies > 0);
        var before = TenantState();

        var run = Clean(_ps.Run($"Import-Csv '{csv}' | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf -Summary"));
        Assert.Equal(zombies, Assert.Single(run.Of<ZombieLicenseRemovalSummary>()).NotConfirmed);
        Assert.Equal(before, TenantState());

        // Piped objects from Get-ZombieLicense bind as InputObject, not by their UserId and SkuId.
        var piped = Clean(_ps.Run("Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf -Summary"));
        Assert.Equal(zombies, Assert.Single(piped.Of<ZombieLicenseRemovalSummary>()).NotConfirmed);
    }

    [Fact]
    public void SkusPipedFromGetLicenseSkuNarrowTheListing_AndWildcardsMatchSeveral()
    {
        Clean(_ps.Run(Connect));

        var visio = Clean(_ps.Run("Get-ZombieLicense -Sku VISIOCLIENT")).Of<ZombieLicense>().ToList();
        var piped = Clean(_ps.Run("Get-LicenseSku -Sku VISIOCLIENT | Get-ZombieLicense")).Of<ZombieLicense>().ToList();
        Assert.NotEmpty(piped);
        Assert.Equal(visio.Count, piped.Count);
        Assert.All(piped, z => Assert.Equal("VISIOCLIENT", z.SkuPartNumber));

        var spe = Clean(_ps.Run("Get-LicenseSku -Sku 'SPE_*' | Get-LicenseUtilization")).Of<LicenseUtilization>().Select(u => u.SkuPartNumber).OrderBy(n => n).ToList();
        Assert.Equal(new[] { "SPE_E3", "SPE_E5", "SPE_F1" }, spe);

        var nothing = _ps.Run("Get-ZombieLicense -Sku 'NOPE_*'");
        Assert.Empty(nothing.Output);
        Assert.StartsWith("LicenseGovernance.SkuPatternMatchesNothing,", nothing.FirstErrorId);
    }

    [Fact]
    public void BadInputIsASpecificErrorAndNothingChanges()
    {
        Clean(_ps.Run(Connect));
        var before = TenantState();

        Assert.StartsWith("ParameterArgumentValidationError,", _ps.Run("Get-ZombieLicense -InactiveDays 0").FirstErrorId);
        Assert.StartsWith("ParameterArgumentValidationError,", _ps.Run("Get-LicenseUtilization -InactiveDays 4000").FirstErrorId);
        Assert.StartsWith("CannotConvertArgumentNoMessage,", _ps.Run("Get-ZombieLicense -Reason Sleeping").FirstErrorId);
        var unknown = _ps.Run("Get-ZombieLicense -Sku SPE_E55");
        Assert.StartsWith("LicenseGovernance.SkuNotFound,", unknown.FirstErrorId);
        Assert.Contains("SPE_E5", unknown.AllErrorText);
        Assert.StartsWith("LicenseGovernance.SkuNotFound,", _ps.Run("Remove-ZombieLicense -User adele@contoso.onmicrosoft.com -Sku NOPE -Confirm:$false").FirstErrorId);
        Assert.Equal(before, TenantState());
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }

    private string TenantState()
    {
        var path = Path.Combine(TestSettings.Home, "state-" + Guid.NewGuid().ToString("N") + ".json");
        _files.Add(path);
        Clean(_ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'"));
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return root["skus"]!.ToJsonString() + root["users"]!.ToJsonString() + root["groups"]!.ToJsonString() + (root["entitlement"]?.ToJsonString() ?? "");
    }
}
