using System.Text.Json.Nodes;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Issue 4's scenarios through the real access package cmdlets, in a hosted PowerShell 7.6 runspace on the embedded simulated
/// tenant. Users' own requests and approvals happen in My Access, not in this module, so those run in the engine tests; here
/// the administrator's side: packages, -WhatIf, re-runs, refusals, direct assignments, removals and undo.
/// </summary>
public sealed class AccessPackageCommandTests : IDisposable
{
    private const string Connect = "Connect-LicenseGovernance -Simulator -UserCount 300";

    private const string Tiers = """
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
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
    public void Document002PackageIsCreatedWithItsPolicyAndMyAccessLinkAndARerunWritesNothing()
    {
        _ps.Run(Connect);
        Clean(_ps.Run("New-LicenseTierGroup -Name LIC-Office -Sku SPE_E3 -Rank 2 | Out-Null"));
        const string Create = "New-TierAccessPackage -TierGroup LIC-Office -Name 'Office Licenses' -Description 'Access to licenses for Office applications' -Approval Manager -ApprovalTimeoutDays 14 -ExpirationDays 365 -AccessReview Annual -Reviewer Manager -FallbackReviewer LIC-Office -FallbackApprover LIC-Office";
        var package = Assert.Single(Clean(_ps.Run(Create)).Of<TierAccessPackage>());
        Assert.Equal(("Office Licenses", TierAccessPackageResult.Created, TierRequestorScope.AllMembers, 365, "Annual"), (package.Name, package.Result, package.WhoCanRequest, package.ExpirationDays, package.AccessReview));
        var stage = Assert.Single(package.ApprovalStages);
        Assert.Equal((PolicySubjectKind.Manager, PolicySubjectKind.Group, "LIC-Office", 14), (Assert.Single(stage.Approvers).Kind, Assert.Single(stage.FallbackApprovers).Kind, stage.FallbackApprovers[0].Name, stage.TimeoutDays));
        Assert.StartsWith("All members (no guests) may request; Manager (fallback LIC-Office) approves, 14 days per stage", package.Summary);
        Assert.StartsWith("https://myaccess.microsoft.com/@", package.MyAccessLink);
        Assert.EndsWith("#/access-packages/" + package.Id, package.MyAccessLink);

        var before = TenantState();
        var again = Clean(_ps.Run(Create + " -Verbose"));
        Assert.Equal(TierAccessPackageResult.Unchanged, Assert.Single(again.Of<TierAccessPackage>()).Result);
        Assert.Contains(again.Verbose, v => v.Contains("nothing to change"));
        Assert.Equal(before, TenantState());

        var listed = Assert.Single(Clean(_ps.Run("Get-TierAccessPackage -Tier 'Office*'")).Of<TierAccessPackage>());
        Assert.Equal(package.Id, listed.Id);
        Assert.Equal("LIC-Office", listed.TierGroup);
    }

    [Fact]
    public void WhatIfShowsTheGraphObjectsAndWritesNothing()
    {
        _ps.Run(Connect);
        Clean(_ps.Run(Tiers));
        var before = TenantState();
        var preview = Clean(_ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 -AllowExtension -WhatIf -Verbose"));
        Assert.Empty(preview.Output);
        var whatIf = string.Join("\n", preview.Verbose);
        foreach (var expected in new[] { "accessPackageCatalog", "POST /identityGovernance/entitlementManagement/resourceRequests", "accessPackageResourceRoleScope", "\"duration\":\"P180D\"", "\"isApprovalRequiredForUpdate\":true" })
        {
            Assert.Contains(expected, whatIf);
        }

        Assert.Equal(before, TenantState());
        Assert.Empty(Clean(_ps.Run("Get-TierAccessPackage")).Output);

        Clean(_ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 -AllowExtension | Out-Null"));
        var longer = Clean(_ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 200 -AllowExtension -WhatIf -Verbose"));
        var changes = string.Join("\n", longer.Verbose);
        Assert.Contains("Update accessPackageAssignmentPolicy", changes);
        Assert.DoesNotContain("Create", changes);
    }

    [Fact]
    public void RefusalsNameTheRuleAndChangeNothing()
    {
        _ps.Run(Connect);
        Clean(_ps.Run(Tiers));
        var before = TenantState();
        Assert.StartsWith("LicenseGovernance.AccessPackageApprovalRequired,", _ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Approval None").FirstErrorId);
        Assert.StartsWith("LicenseGovernance.ExceptionPackageNeedsTwoStages,", _ps.Run("New-LicenseExceptionPackage -TierGroup LIC-M365-Tier3").FirstErrorId);
        Assert.StartsWith("LicenseGovernance.ExceptionPackageNeedsTwoStages,", _ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier3 -Exception -Approval Manager").FirstErrorId);
        Assert.StartsWith("LicenseGovernance.AccessPackageSettingInvalid,", _ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier2 -NoExpiration").FirstErrorId);
        Assert.Equal(before, TenantState());

        var guestsIn = Assert.Single(Clean(_ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier1 -Approval None -IncludeGuests")).Of<TierAccessPackage>());
        Assert.Equal(TierRequestorScope.AllUsers, guestsIn.WhoCanRequest);
        var exception = Assert.Single(Clean(_ps.Run("New-LicenseExceptionPackage -TierGroup LIC-M365-Tier3 -Approver LIC-M365-Tier1 -AllowExtension")).Of<TierAccessPackage>());
        Assert.True(exception.IsException);
        Assert.Equal((30, true, true), (exception.ExpirationDays, exception.AllowExtension, exception.ExtensionApproval));
    }

    [Fact]
    public void AnAdministratorAssignsListsRemovesAndUndoesATier()
    {
        _ps.Run(Connect);
        Clean(_ps.Run(Tiers));
        Clean(_ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 90 | Out-Null"));
        var members = Members();
        var upn = members[0];

        var before = TenantState();
        var preview = Clean(_ps.Run($"Add-TierAssignment -User '{upn}' -Tier LIC-M365-Tier3 -Days 30 -Justification Pilot -WhatIf -Verbose"));
        Assert.Contains("\"requestType\":\"adminAdd\"", string.Join("\n", preview.Verbose));
        Assert.Contains(upn + " -> LIC-M365-Tier3", string.Join("\n", preview.Verbose));
        Assert.Equal(before, TenantState());

        // Entra delivers asynchronously: the request comes back delivering, and is delivered once the clock has moved on.
        var sent = Assert.Single(Clean(_ps.Run($"Add-TierAssignment -User '{upn}' -Tier LIC-M365-Tier3 -Days 30 -Justification Pilot")).Of<TierAssignmentRequestInfo>());
        Assert.Equal(("adminAdd", "delivering"), (sent.RequestType, sent.State));
        Clean(_ps.Run("Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null"));
        Assert.StartsWith("LicenseGovernance.TierAssignmentExists,", _ps.Run($"Add-TierAssignment -User '{upn}' -Tier LIC-M365-Tier3").FirstErrorId);
        Assert.StartsWith("LicenseGovernance.TierAssignmentEndInvalid,", _ps.Run($"'{members[1]}' | Add-TierAssignment -Tier LIC-M365-Tier3 -Days 120").FirstErrorId);

        var held = Assert.Single(Clean(_ps.Run("Get-TierAssignment -ExpiringWithinDays 31")).Of<TierAssignment>());
        Assert.Equal((upn, 30), (held.UserPrincipalName, held.DaysLeft));
        Assert.Contains(Clean(_ps.Run("Get-TierAssignmentRequest -State Delivered")).Of<TierAssignmentRequestInfo>(), r => r.UserPrincipalName == upn);

        var removePreview = Clean(_ps.Run("Get-TierAssignment | Remove-TierAssignment -WhatIf -Verbose"));
        Assert.Contains("\"requestType\":\"adminRemove\"", string.Join("\n", removePreview.Verbose));
        Assert.Single(Clean(_ps.Run("Get-TierAssignment")).Of<TierAssignment>());
        Clean(_ps.Run("Get-TierAssignment | Remove-TierAssignment -Justification Done -Confirm:$false | Out-Null"));
        Clean(_ps.Run("Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null"));
        Assert.Empty(Clean(_ps.Run("Get-TierAssignment")).Output);

        Clean(_ps.Run("Get-LicenseChangeLog -Operation AccessPackage.RemoveAssignment | Undo-LicenseChange -Confirm:$false | Out-Null"));
        Clean(_ps.Run("Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null"));
        var back = Assert.Single(Clean(_ps.Run($"Get-TierAssignment -User '{upn}'")).Of<TierAssignment>());
        Assert.Equal("LIC-M365-Tier3", back.AccessPackage);
    }

    [Fact]
    public void TierNamesCompleteFromTheTenantsPackages()
    {
        _ps.Run(Connect);
        Clean(_ps.Run(Tiers));
        Clean(_ps.Run("New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Tier 2 knowledge workers' | Out-Null"));
        Clean(_ps.Run("New-LicenseExceptionPackage -TierGroup LIC-M365-Tier3 -Approver LIC-M365-Tier1 | Out-Null"));
        Assert.Equal(new[] { "'Tier 2 knowledge workers'" }, Complete("Get-TierAssignment -Tier Tier"));
        Assert.Equal(new[] { "'LIC-M365-Tier3 exception'" }, Complete("Add-TierAssignment -User a@b.c -Tier LIC"));
    }

    private string[] Complete(string input) =>
        _ps.Run($"[System.Management.Automation.CommandCompletion]::CompleteInput(\"{input.Replace("\"", "`\"")}\", {input.Length}, $null).CompletionMatches | ForEach-Object CompletionText")
            .Output.Cast<string>().ToArray();

    /// <summary>Enabled member users of the demo tenant with a usage location (so licences can land), from its saved state.</summary>
    private string[] Members()
    {
        var path = NewFile("members");
        Clean(_ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'"));
        return JsonNode.Parse(File.ReadAllText(path))!["users"]!.AsArray()
            .Where(u => (string?)u!["userType"] == "Member" && u["usageLocation"] != null && (bool?)u["accountEnabled"] != false)
            .Select(u => u!["userPrincipalName"]!.GetValue<string>()).Take(2).ToArray();
    }

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }

    /// <summary>Everything the tenant holds that a command could write, licence processing state aside (it moves on by itself).</summary>
    private string TenantState()
    {
        var path = NewFile("state");
        Clean(_ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'"));
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var group in root["groups"]!.AsArray())
        {
            group!.AsObject().Remove("licenseProcessingState");
        }

        return root["skus"]!.ToJsonString() + root["users"]!.ToJsonString() + root["groups"]!.ToJsonString() + root["entitlement"]?.ToJsonString();
    }

    private string NewFile(string prefix)
    {
        var path = Path.Combine(TestSettings.Home, prefix + "-" + Guid.NewGuid().ToString("N") + ".json");
        _files.Add(path);
        return path;
    }
}
