using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>New-TierLifecycleWorkflow through the real cmdlet, in a hosted PowerShell 7.6 runspace on the embedded simulated tenant.</summary>
public sealed class TierLifecycleWorkflowCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300";

    private const string TiersWithPackages = """
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier1 -Approval None | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier2 -WarningAction SilentlyContinue | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 -WarningAction SilentlyContinue | Out-Null
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
    public void WhatIfShowsTheBodiesThenTheWorkflowsAreCreatedAndARerunWritesNothing()
    {
        _ps.Run(Connect);
        Clean(_ps.Run(TiersWithPackages));

        var preview = Clean(_ps.Run("New-TierLifecycleWorkflow -WhatIf -Verbose"));
        Assert.Empty(preview.Output);
        var whatIf = string.Join("\n", preview.Verbose);
        foreach (var expected in new[] { "Create workflow 'LicenseGovernance: remove other tiers on joining LIC-M365-Tier3'", "POST /identityGovernance/lifecycleWorkflows/workflows", "\"category\":\"mover\"", "\"changeType\":\"remove\"" })
        {
            Assert.Contains(expected, whatIf);
        }

        Assert.Equal("[]", Workflows());

        var created = Clean(_ps.Run("New-TierLifecycleWorkflow")).Of<TierLifecycleWorkflow>().ToList();
        Assert.Equal(4, created.Count);
        Assert.All(created, w => Assert.Equal((TierWorkflowResult.Created, true), (w.Result, w.Scheduled)));
        Assert.All(created, w => Assert.Contains("Sync-LicenseTier", w.Gap));
        Assert.Equal("Removed from LIC-M365-Tier2 or LIC-M365-Tier3", created.Single(w => w.Kind == TierWorkflowKind.RestoreBaseline).Trigger);
        var state = Workflows();

        var again = Clean(_ps.Run("New-TierLifecycleWorkflow -Verbose"));
        Assert.All(again.Of<TierLifecycleWorkflow>(), w => Assert.Equal(TierWorkflowResult.Unchanged, w.Result));
        Assert.Contains(again.Verbose, v => v.Contains("nothing to change"));
        Assert.Equal(state, Workflows());
    }

    [Fact]
    public void WithoutTiersTheCommandStopsWithTheCatalogueError()
    {
        _ps.Run(Connect);

        var refused = _ps.Run("New-TierLifecycleWorkflow");

        Assert.StartsWith("LicenseGovernance.TierWorkflowsNeedTiers,", refused.FirstErrorId);
        Assert.Equal("[]", Workflows());
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }

    /// <summary>The tenant's lifecycle workflows as its snapshot holds them.</summary>
    private string Workflows()
    {
        var path = Path.Combine(TestSettings.Home, "lcw-" + Guid.NewGuid().ToString("N") + ".json");
        _files.Add(path);
        Clean(_ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'"));
        return JsonNode.Parse(File.ReadAllText(path))!["lifecycle"]!["workflows"]!.ToJsonString();
    }
}
