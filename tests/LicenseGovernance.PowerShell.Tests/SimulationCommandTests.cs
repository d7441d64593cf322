using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The rehearsal controls through the real cmdlets, in a hosted PowerShell 7.6 runspace on the embedded simulated tenant
/// (whose clock follows real time): an expiry rehearsed in seconds, a user changed as HR would, and the refusals.
/// </summary>
public sealed class SimulationCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null";

    private readonly PowerShellSession _ps = new();
    private readonly string _users = Path.Combine(TestSettings.Home, "users-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
        File.Delete(_users);
    }

    [Fact]
    public void An_expiry_is_rehearsed_in_seconds_and_the_timeline_shows_the_gap_it_leaves()
    {
        Run(Connect);
        Run("New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null; New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 90 | Out-Null");
        var upn = CloudMember();
        Run($"Add-TierAssignment -User '{upn}' -Tier LIC-M365-Tier3 -Days 2 -Justification Rehearsal | Out-Null");

        var delivered = Assert.Single(Run("Set-LicenseSimulatorTime -Advance 00:05:00").Of<LicenseSimulatorTimeChange>());
        Assert.Equal((1L, 0L), (delivered.AccessPackageDeliveries, delivered.AccessPackageExpiries));
        Assert.Empty(Run($"Get-LicenseSimulatorTimeline -User '{upn}' -Gaps").Output);

        var expired = Assert.Single(Run("Set-LicenseSimulatorTime -Advance 3.00:00:00").Of<LicenseSimulatorTimeChange>());
        Assert.Equal(1L, expired.AccessPackageExpiries);
        Assert.True(expired.Advanced >= TimeSpan.FromDays(3));

        var history = Run($"[pscustomobject]@{{ UserPrincipalName = '{upn}' }} | Get-LicenseSimulatorTimeline").Of<LicenseSimulatorTimelineEntry>().ToList();
        Assert.Equal(new[] { LicenseTimelineChange.Gained, LicenseTimelineChange.Lost }, history.Select(e => e.Change));
        Assert.All(history, e => Assert.Equal(("SPE_E5", "LIC-M365-Tier3"), (e.Sku, e.Source)));
        var gaps = Run($"Get-LicenseSimulatorTimeline -User '{upn}' -Gaps").Of<LicenseSimulatorTimelineGap>().ToList();
        Assert.Equal(new[] { LicenseGapScope.AnyLicense, LicenseGapScope.MailboxLicense }, gaps.Select(g => g.ScopeKind));
        Assert.All(gaps, g => Assert.Equal((history[1].When, (DateTimeOffset?)null), (g.Start, g.End)));

        // Evidence a rehearsal can keep: one flat row per gap.
        var csv = Run($"Get-LicenseSimulatorTimeline -User '{upn}' -Gaps | ConvertTo-Csv -NoTypeInformation").Output.Cast<string>().ToList();
        Assert.Equal(3, csv.Count);
        Assert.DoesNotContain(csv, line => line.Contains("System."));
    }

    /// <summary>Every time the module writes is a DateTimeOffset; its date parameters take one as they are, and Get-Date too.</summary>
    [Fact]
    public void Date_parameters_take_the_modules_own_times_and_Get_Date()
    {
        Run(Connect);
        Run("New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null; New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 90 | Out-Null");
        var upn = CloudMember();

        var moved = Assert.Single(Run("Set-LicenseSimulatorTime -To (Get-LicenseSimulatorTime).Time.AddHours(1) -Confirm:$false").Of<LicenseSimulatorTimeChange>());
        Run($"Add-TierAssignment -User '{upn}' -Tier LIC-M365-Tier3 -EndDate (Get-LicenseSimulatorTime).Time.AddDays(30) -Confirm:$false | Out-Null");
        Run($"Get-TierAssignment -Tier LIC-M365-Tier3 | Where-Object UserPrincipalName -eq '{upn}' | Remove-TierAssignment -Confirm:$false | Out-Null");
        Run("Set-LicenseSimulatorTime -To (Get-Date).ToUniversalTime().AddYears(2) -Confirm:$false | Out-Null");

        Assert.True(moved.Advanced > TimeSpan.FromMinutes(59), moved.Advanced.ToString()); // the clock also follows real time meanwhile
        Assert.True(Assert.Single(Run("Get-LicenseSimulatorTime").Of<LicenseSimulatorTime>()).Time > DateTimeOffset.UtcNow.AddYears(1));
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

    [Fact]
    public void A_user_is_changed_as_HR_would_previewed_first_and_refused_with_the_names_accepted()
    {
        Run(Connect);
        var upn = CloudMember();
        const string Properties = "([ordered]@{ department = 'Rehearsal'; extensionAttribute10 = 'E3 All'; accountEnabled = $false })";

        var preview = Run($"Set-LicenseSimulatorUser -User '{upn}' -Property {Properties} -WhatIf -Verbose");
        Assert.Empty(preview.Output);
        Assert.Contains(preview.Verbose, v => v.Contains("department:") && v.Contains("-> 'Rehearsal'") && v.Contains("\"accountEnabled\":false"));

        var changes = Run($"[pscustomobject]@{{ UserPrincipalName = '{upn}' }} | Set-LicenseSimulatorUser -Property {Properties}").Of<LicenseSimulatorUserChange>().ToList();
        Assert.Equal(new[] { ("department", "Rehearsal"), ("extensionAttribute10", "E3 All"), ("accountEnabled", "False") }, changes.Select(c => (c.Property, c.NewValue!)));
        Assert.NotEqual("Rehearsal", changes[0].OldValue);
        Assert.Equal("True", changes[2].OldValue);

        var unknown = _ps.Run($"Set-LicenseSimulatorUser -User '{upn}' -Property @{{ costCentre = '42' }}");
        Assert.StartsWith("LicenseGovernance.SimulatorUserPropertyUnknown", unknown.FirstErrorId);
        Assert.Contains("employeeLeaveDateTime", unknown.AllErrorText);
        var wrongType = _ps.Run($"Set-LicenseSimulatorUser -User '{upn}' -Property @{{ accountEnabled = 'no' }}");
        Assert.StartsWith("LicenseGovernance.SimulatorUserPropertyInvalid", wrongType.FirstErrorId);
    }

    [Theory]
    [InlineData("Get-LicenseSimulatorTime")]
    [InlineData("Set-LicenseSimulatorTime -Advance 1.00:00:00")]
    [InlineData("Set-LicenseSimulatorUser -User ada@contoso.com -Property @{ department = 'Sales' }")]
    [InlineData("'ada@contoso.com', 'bob@contoso.com' | Get-LicenseSimulatorTimeline")]
    [InlineData("Save-LicenseGovernanceSnapshot -Path never.json")]
    public void A_real_tenant_is_refused_once_with_the_way_to_rehearse(string command)
    {
        // An access token to a Graph endpoint is a real-tenant session; nothing is sent to it before the refusal.
        Run($". '{RepositoryPaths.TestAccessTokenScript}'; " +
            "Connect-LicenseGovernance -AccessToken (New-TestAccessToken) -GraphEndpoint http://127.0.0.1:9/v1.0 -WarningAction SilentlyContinue | Out-Null");

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

    /// <summary>An enabled, cloud-only member with a usage location and no licence, from the tenant as saved.</summary>
    private string CloudMember()
    {
        Run($"Save-LicenseGovernanceSnapshot -Path '{_users}' | Out-Null");
        return JsonNode.Parse(File.ReadAllText(_users))!["users"]!.AsArray()
            .First(u => (string?)u!["userType"] == "Member" && u["usageLocation"] != null && (bool?)u["accountEnabled"] != false
                && (bool?)u["onPremisesSyncEnabled"] != true && u["licenseAssignmentStates"] is not JsonArray { Count: > 0 })!["userPrincipalName"]!.GetValue<string>();
    }
}
