using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Issue 6 through the real cmdlets in a hosted PowerShell 7.6 runspace, on the embedded demo tenant: some of its users
/// hold SPE_E3 directly (a few with Yammer switched off), some through its E3 group as well.
/// </summary>
public sealed class MigrationCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300";
    private const string NewTarget = "New-LicenseTierGroup -Name LIC-Migrate-E3 -Sku SPE_E3 -Rank 2 -Description 'Migration target' | Out-Null";
    private const string Move = "Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-Migrate-E3";

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
    public void GetDirectLicenseAssignmentTellsDirectInheritedAndBothApartWithParity()
    {
        Clean(_ps.Run(Connect));

        var rows = Clean(_ps.Run("Get-DirectLicenseAssignment -Sku SPE_E3")).Of<DirectLicenseAssignment>().ToList();
        var summary = Assert.Single(Clean(_ps.Run("Get-DirectLicenseAssignment -Sku SPE_E3 -Summary")).Of<DirectLicenseSummary>());

        Assert.Contains(rows, r => r.Assignment == "Direct");
        Assert.Contains(rows, r => r.Assignment == "Inherited");
        Assert.Contains(rows, r => r.Assignment == "Both");
        Assert.Equal(rows.Count, summary.Users);
        Assert.Equal(rows.Count(r => r.Assignment == "Direct"), summary.DirectOnly);
        Assert.Equal(rows.Count(r => r.Assignment == "Both"), summary.Both);
        Assert.All(rows.Where(r => r.Assignment != "Direct"), r => Assert.Contains("LIC-M365-E3", r.InheritedFrom));
        Assert.All(rows.Where(r => r.Assignment == "Both"), r => Assert.NotNull(r.PlanParity));
        Assert.All(rows.Where(r => r.Assignment == "Direct"), r => Assert.Null(r.PlanParity));
        Assert.Contains(rows, r => r.DirectDisabledPlans.Contains("YAMMER_ENTERPRISE"));
    }

    [Fact]
    public void WhatIfNamesEveryUserAndChangesNothing()
    {
        Clean(_ps.Run(Connect));
        Clean(_ps.Run(NewTarget));
        var before = TenantState();

        var plan = Clean(_ps.Run(Move + " -WhatIf"));

        // One type per stream: the rows, or with -Summary the summary alone, which says -WhatIf.
        var results = plan.Of<DirectToGroupMigrationResult>().ToList();
        Assert.Equal(plan.Output.Count, results.Count);
        Assert.Contains(results, r => r.Outcome == MigrationOutcome.Planned && r.Reason == "AddToGroup");
        Assert.Contains(results, r => r.Outcome == MigrationOutcome.Skipped && r.Reason == "PlanDifference");
        var summary = Assert.IsType<DirectToGroupMigrationSummary>(Assert.Single(Clean(_ps.Run(Move + " -WhatIf -Summary")).Output));
        Assert.True(summary.WhatIf);
        Assert.Equal(before, TenantState());
    }

    [Fact]
    public void MoveMigratesPipedOrAllUsers_ASecondRunHasNothingLeft_AndUndoPutsDirectAssignmentsBack()
    {
        Clean(_ps.Run(Connect));
        Clean(_ps.Run(NewTarget));
        var directBefore = Clean(_ps.Run("Get-DirectLicenseAssignment -Sku SPE_E3 | Where-Object Assignment -ne Inherited")).Of<DirectLicenseAssignment>().ToList();

        // Three users piped from the report first, then everyone.
        var piped = Clean(_ps.Run($"Get-DirectLicenseAssignment -Sku SPE_E3 | Where-Object {{ $_.Assignment -eq 'Direct' -and $_.DirectDisabledPlans.Count -eq 0 }} | Select-Object -First 3 | {Move} -Confirm:$false"));
        var first = piped.Of<DirectToGroupMigrationResult>().Where(r => r.Outcome == MigrationOutcome.Migrated).Select(r => r.UserId).ToList();
        Assert.Equal(3, first.Count);

        var run = Clean(_ps.Run("$run = " + Move + " -BatchSize 25 -Confirm:$false; $run"));
        Assert.Equal(run.Output.Count, run.Of<DirectToGroupMigrationResult>().Count());
        var migrated = run.Of<DirectToGroupMigrationResult>().Where(r => r.Outcome == MigrationOutcome.Migrated).ToList();
        Assert.NotEmpty(migrated);
        Assert.DoesNotContain(migrated, m => first.Contains(m.UserId));
        Assert.Equal(directBefore.Count - 3, run.Of<DirectToGroupMigrationResult>().Count());
        var correlationId = Assert.Single(run.Of<DirectToGroupMigrationResult>().Select(r => r.CorrelationId).Distinct());
        Assert.NotNull(correlationId);
        Assert.All(run.Of<DirectToGroupMigrationResult>().Where(r => r.Outcome is MigrationOutcome.Skipped or MigrationOutcome.Failed), r => Assert.NotEmpty(r.Remedy));

        var after = Clean(_ps.Run("Get-DirectLicenseAssignment -Sku SPE_E3")).Of<DirectLicenseAssignment>().ToDictionary(r => r.UserId);
        Assert.All(migrated, m => Assert.Equal("Inherited", after[m.UserId].Assignment));

        var again = Assert.IsType<DirectToGroupMigrationSummary>(Assert.Single(Clean(_ps.Run(Move + " -Summary -Confirm:$false")).Output));
        Assert.Equal(0, again.Migrated);
        Assert.Equal(0, again.AddedToGroup);
        Assert.False(again.WhatIf);
        Assert.NotEqual(correlationId, again.CorrelationId);

        // The help's way back: the correlation id on the run's rows.
        Clean(_ps.Run("Undo-LicenseChange -CorrelationId $run[0].CorrelationId -Confirm:$false | Out-Null"));
        var undone = Clean(_ps.Run("Get-DirectLicenseAssignment -Sku SPE_E3")).Of<DirectLicenseAssignment>().ToDictionary(r => r.UserId);
        Assert.All(migrated, m => Assert.NotEqual("Inherited", undone[m.UserId].Assignment));
    }

    [Fact]
    public void AGroupWithoutTheSkuIsATerminatingErrorWithItsId()
    {
        Clean(_ps.Run(Connect));

        var result = _ps.Run("Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-M365-E5 -Confirm:$false");

        Assert.StartsWith("LicenseGovernance.MigrationGroupLacksSku,", result.FirstErrorId);
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
        foreach (var group in root["groups"]!.AsArray())
        {
            group!.AsObject().Remove("licenseProcessingState");
        }

        return root["skus"]!.ToJsonString() + root["users"]!.ToJsonString() + root["groups"]!.ToJsonString();
    }
}
