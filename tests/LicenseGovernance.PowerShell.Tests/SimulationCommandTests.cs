using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The rehearsal controls through the real cmdlets, in a hosted PowerShell 7.6 runspace on the embedded simulated tenant
/// (whose clock follows real time): the clock moved on, and the refusals.
/// </summary>
public sealed class SimulationCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null";

    private readonly PowerShellSession _ps = new();

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
    }

    [Fact]
    public void The_clock_shows_moves_forward_under_confirmation_only_and_never_backwards()
    {
        Run(Connect);
        var before = Assert.Single(Run("Get-LicenseSimulatorTime").Of<LicenseSimulatorTime>());
        Assert.True(before.FollowsRealTime);

        Assert.Empty(Run("Set-LicenseSimulatorTime -Advance 30.00:00:00 -WhatIf").Output);
        var after = Assert.Single(Run("Get-LicenseSimulatorTime").Of<LicenseSimulatorTime>());
        Assert.InRange(after.Time - before.Time, TimeSpan.Zero, TimeSpan.FromMinutes(5));

        var moved = Assert.Single(Run($"Set-LicenseSimulatorTime -To '{after.Time.AddDays(10):o}'").Of<LicenseSimulatorTimeChange>());
        Assert.InRange(moved.Time - after.Time.AddDays(10), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var back = _ps.Run($"Set-LicenseSimulatorTime -To '{before.Time:o}'");
        Assert.StartsWith("LicenseGovernance.SimulatorTimeBackwards", back.FirstErrorId);
        Assert.Contains("never runs backwards", back.AllErrorText);
    }

    [Theory]
    [InlineData("Get-LicenseSimulatorTime")]
    [InlineData("Set-LicenseSimulatorTime -Advance 1.00:00:00")]
    [InlineData("Save-LicenseGovernanceSnapshot -Path never.json")]
    public void A_real_tenant_is_refused_once_with_the_way_to_rehearse(string command)
    {
        // An access token to a Graph endpoint is a real-tenant session; nothing is sent to it before the refusal.
        Run("$t = [securestring]::new(); 'token'.ToCharArray() | ForEach-Object { $t.AppendChar($_) }; " +
            "Connect-LicenseGovernance -AccessToken $t -GraphEndpoint http://127.0.0.1:9/v1.0 -WarningAction SilentlyContinue | Out-Null");

        var refused = _ps.Run(command);

        Assert.StartsWith("LicenseGovernance.SimulatorRequired", refused.FirstErrorId);
        Assert.True(refused.Terminating != null || refused.Errors.Count == 1, refused.AllErrorText);
        Assert.Contains("Connect-LicenseGovernance -Simulator", refused.AllErrorText);
    }

    private PowerShellSession.Result Run(string script)
    {
        var result = _ps.Run(script);
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }
}
