using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>The change journal through the real cmdlets, in a hosted PowerShell 7.6 runspace on the embedded simulated tenant.</summary>
public sealed class JournalCommandTests : IDisposable
{
    private readonly PowerShellSession _ps = new();
    private readonly string _journal = Path.Combine(Path.GetTempPath(), "lg-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
        if (File.Exists(_journal))
        {
            File.Delete(_journal);
        }
    }

    [Fact]
    public void TierCommandsAreJournaledUnderTheirOwnNameAndReadBack()
    {
        Clean(_ps.Run($"Connect-LicenseGovernance -Simulator -UserCount 100 -JournalPath '{_journal}'"));
        Clean(_ps.Run("New-LicenseTierGroup -Name LIC-Journal-T2 -Sku SPE_E3 -Rank 2"));
        Clean(_ps.Run("Set-LicenseTierGroup -Name LIC-Journal-T2 -Description 'Knowledge workers'"));

        var log = Clean(_ps.Run("Get-LicenseChangeLog")).Of<LicenseChange>().ToList();

        Assert.Equal(new[] { "Group.Create", "Group.AddExtension", "Group.AssignLicense", "Group.Update" }, log.Select(l => l.Operation));
        Assert.Equal(new[] { "New-LicenseTierGroup", "New-LicenseTierGroup", "New-LicenseTierGroup", "Set-LicenseTierGroup" }, log.Select(l => l.Command));
        Assert.Contains("Knowledge workers", log[3].After);
        Assert.Equal(2, log.Select(l => l.CorrelationId).Distinct().Count());
        Assert.Equal(4, File.ReadAllLines(_journal).Count(l => l.Contains("\"kind\":\"outcome\"")));
    }

    [Fact]
    public void WhatIfOnATierCommandJournalsNothing()
    {
        Clean(_ps.Run($"Connect-LicenseGovernance -Simulator -UserCount 100 -JournalPath '{_journal}'"));
        Clean(_ps.Run("New-LicenseTierGroup -Name LIC-Journal-T3 -Sku SPE_E5 -Rank 3 -WhatIf"));

        Assert.Empty(Clean(_ps.Run("Get-LicenseChangeLog")).Output);
        Assert.False(File.Exists(_journal));
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }
}
