using System.Management.Automation;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>The built module's cmdlets, run for real in a PowerShell 7.6 runspace against the embedded simulated tenant.</summary>
public sealed class ModuleCommandTests : IDisposable
{
    private readonly PowerShellSession _ps = new();

    public ModuleCommandTests()
    {
        var price = Path.Combine(TestSettings.Home, "prices.json");
        if (File.Exists(price))
        {
            File.Delete(price);
        }
    }

    public void Dispose()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        _ps.Dispose();
    }

    [Fact]
    public void ImportExportsExactlyTheManifestCmdlets()
    {
        var names = _ps.Run("(Get-Command -Module LicenseGovernance).Name").Output.Cast<string>().OrderBy(n => n).ToList();

        var manifest = _ps.Run($"(Import-PowerShellDataFile -Path '{RepositoryPaths.Manifest}').CmdletsToExport").Output.Cast<string>().OrderBy(n => n).ToList();

        // The cmdlets of the first two issues at least, so that an empty manifest cannot pass.
        Assert.Superset(new HashSet<string>
        {
            "Connect-LicenseGovernance", "Disconnect-LicenseGovernance", "Get-GroupLicenseError", "Get-LicenseGovernanceContext", "Get-LicensePrice",
            "Get-LicenseSku", "Get-LicenseTierGroup", "Import-LicenseCatalog", "Import-LicensePrice", "Invoke-LicenseReprocess", "New-LicenseTierGroup",
            "Remove-LicenseTierGroup", "Save-LicenseGovernanceSnapshot", "Set-LicensePrice", "Set-LicenseTierGroup", "Test-LicenseGovernancePermission",
            "Test-LicenseMembershipRule", "Get-LicenseChangeLog", "Undo-LicenseChange",
        }, new HashSet<string>(names));
        Assert.Equal(manifest, names);
    }

    [Fact]
    public void ConnectToTheSimulatorThenListSkusWithFriendlyNamesAndPrices()
    {
        var connect = _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 300");
        var context = Assert.IsType<LicenseGovernanceContext>(Assert.Single(connect.Output));
        Assert.True(context.IsSimulator);
        Assert.Equal(context.TenantId, _ps.Run("(Get-LicenseGovernanceContext).TenantId").Output.Single());

        var skus = _ps.Run("Get-LicenseSku").Of<LicenseSku>().ToList();
        var e5 = skus.Single(s => s.SkuPartNumber == "SPE_E5");
        Assert.Equal("Microsoft 365 E5", e5.ProductName);
        Assert.True(e5.ConsumedUnits > 0);
        Assert.Equal(Math.Max(0, e5.EnabledUnits - e5.ConsumedUnits), e5.AvailableUnits);
        Assert.NotEmpty(e5.ServicePlans);

        // E3's price is never set by these tests (E5's is), so it shows the built-in list price.
        var e3 = skus.Single(s => s.SkuPartNumber == "SPE_E3");
        Assert.Equal("USD", e3.Currency);
        Assert.Equal("BuiltIn", e3.PriceSource);
    }

    [Fact]
    public void UnknownSkuNamesTheClosestMatches()
    {
        _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 100");
        var result = _ps.Run("Get-LicenseSku -Sku SPE_E55, SPE_E3");

        Assert.StartsWith("LicenseGovernance.SkuNotFound", result.FirstErrorId);
        Assert.Contains("SPE_E5", result.AllErrorText);
        Assert.Equal("SPE_E3", Assert.Single(result.Of<LicenseSku>()).SkuPartNumber);
    }

    [Fact]
    public void VerboseShowsEachGraphRequestButNeverTheToken()
    {
        _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 100");
        var result = _ps.Run("Get-LicenseSku -Verbose");

        Assert.Contains(result.Verbose, v => v.Contains("GET") && v.Contains("/subscribedSkus") && v.Contains("200"));
        Assert.DoesNotContain(result.Verbose, v => v.Contains("Bearer", StringComparison.OrdinalIgnoreCase) || v.Contains("eyJ"));
    }

    [Fact]
    public void SetLicensePriceWhatIfChangesNothingAndTheRealRunOverridesTheListPrice()
    {
        _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 100");
        var pricesFile = Path.Combine(TestSettings.Home, "prices.json");

        var whatIf = _ps.Run("Set-LicensePrice -Sku 'Microsoft 365 E5' -MonthlyPrice 51.5 -Currency eur -WhatIf");
        Assert.Empty(whatIf.Output);
        Assert.False(File.Exists(pricesFile));

        var set = _ps.Run("Set-LicensePrice -Sku 'Microsoft 365 E5' -MonthlyPrice 51.5 -Currency eur");
        var price = Assert.IsType<LicensePrice>(Assert.Single(set.Output));
        Assert.Equal("SPE_E5", price.SkuPartNumber);
        Assert.Equal("EUR", price.Currency);
        Assert.True(File.Exists(pricesFile));

        var sku = _ps.Run("Get-LicenseSku -Sku SPE_E5").Of<LicenseSku>().Single();
        Assert.Equal(51.5m, sku.MonthlyPrice);
        Assert.Equal("User", sku.PriceSource);
    }

    [Fact]
    public void ANegativePriceIsRefusedBeforeItIsAskedAbout_SoWhatIfRefusesItToo_AndZeroIsAPrice()
    {
        var pricesFile = Path.Combine(TestSettings.Home, "prices.json");

        foreach (var run in new[] { "-WhatIf", "-Confirm:$false" })
        {
            var refused = _ps.Run($"Set-LicensePrice -Sku SPE_E5 -MonthlyPrice -5 -Currency USD {run}");

            var error = Assert.Single(refused.Errors);
            Assert.StartsWith(ErrorIds.PriceInvalid, error.FullyQualifiedErrorId);
            Assert.Contains("negative", error.ToString());
            Assert.Contains("0 or more", error.ErrorDetails.RecommendedAction);
            Assert.Empty(refused.Output);
            Assert.False(File.Exists(pricesFile));
        }

        var free = _ps.Run("Set-LicensePrice -Sku SPE_E5 -MonthlyPrice 0 -Currency USD");
        Assert.Equal(0m, Assert.IsType<LicensePrice>(Assert.Single(free.Output)).MonthlyPrice);
    }

    [Fact]
    public void APriceFileWithANegativePriceIsRefusedUnderWhatIfAsTheImportRefusesIt()
    {
        var csv = Path.Combine(TestSettings.Home, "negative-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(csv, "Sku,MonthlyPrice,Currency\nSPE_E3,30,USD\nSPE_E5,-5,USD\n");

        foreach (var run in new[] { "-WhatIf", "-Confirm:$false" })
        {
            var refused = _ps.Run($"Import-LicensePrice -Path '{csv}' {run}");

            Assert.StartsWith(ErrorIds.PriceFileInvalid, refused.FirstErrorId);
            Assert.Contains("line 3", refused.AllErrorText);
            Assert.Contains("negative", refused.AllErrorText);
            Assert.False(File.Exists(Path.Combine(TestSettings.Home, "prices.json")));
        }
    }

    /// <summary>Get-Error and $_.ErrorDetails show the catalogue's recommended action, whether the error ends the command or not.</summary>
    [Theory]
    [InlineData("Get-LicensePrice -Sku NO_SUCH_SKU -ErrorAction Stop", "LicenseGovernance.SkuNotFound", "Get-LicenseSku")]
    [InlineData("Import-LicensePrice -Path ./absent.csv", "LicenseGovernance.PriceFileInvalid", "Import-LicensePrice")]
    public void ErrorRecordsCarryTheCataloguesRecommendedAction(string command, string id, string action)
    {
        var result = _ps.Run($"try {{ {command} }} catch {{ $_.FullyQualifiedErrorId; $_.ErrorDetails.RecommendedAction }}");

        Assert.StartsWith(id, result.Output[0] as string);
        Assert.Contains(action, result.Output[1] as string);
    }

    [Fact]
    public void SkusPipeIntoGetLicensePriceByPropertyName()
    {
        _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 100");
        var prices = _ps.Run("Get-LicenseSku -Sku SPE_E3 | Get-LicensePrice").Of<LicensePrice>().ToList();

        Assert.Contains(prices, p => p.SkuPartNumber == "SPE_E3");
    }

    [Fact]
    public void DeviceCodeInANonInteractiveHostFailsNamingTheParameterSetsToUse()
    {
        var result = _ps.Run("Connect-LicenseGovernance -DeviceCode -TenantId contoso.onmicrosoft.com");

        Assert.StartsWith("LicenseGovernance.NonInteractiveHost", result.FirstErrorId);
        Assert.Contains("-ManagedIdentity", result.AllErrorText);
    }

    [Fact]
    public void AUserAssignedManagedIdentityIsNamedByItsClientIdAloneOrWithTheSwitch()
    {
        var sets = _ps.Run(
            "(Get-Command Connect-LicenseGovernance).ParameterSets | ForEach-Object { $set = $_.Name; $_.Parameters | " +
            "Where-Object Name -in 'ManagedIdentity', 'ManagedIdentityClientId' | ForEach-Object { \"$set/$($_.Name)/$($_.IsMandatory)\" } }")
            .Output.Cast<string>().ToList();

        Assert.Contains("ManagedIdentity/ManagedIdentity/True", sets);
        Assert.Contains("UserAssignedIdentity/ManagedIdentityClientId/True", sets);
        Assert.Contains("UserAssignedIdentity/ManagedIdentity/False", sets);
        Assert.DoesNotContain("ManagedIdentity/ManagedIdentityClientId/False", sets);
    }

    [Theory]
    [InlineData("$t = [securestring]::new(); 'abc'.ToCharArray() | ForEach-Object { $t.AppendChar($_) }; $t", "LicenseGovernance.AccessTokenNotJwt", "not a JSON Web Token", "access token that Microsoft Entra ID issued")]
    [InlineData("New-TestAccessToken -Lifetime -00:05:00", "LicenseGovernance.AccessTokenExpired", "expired at", "Get a new access token")]
    public void AnAccessTokenThatCannotBeGraphsIsRefusedAndNothingIsConnected(string token, string id, string message, string action)
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");

        var result = _ps.Run($". '{RepositoryPaths.TestAccessTokenScript}'; Connect-LicenseGovernance -AccessToken $({token})");

        Assert.Empty(result.Output);
        var error = (result.Terminating as IContainsErrorRecord)?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith(id, error.FullyQualifiedErrorId);
        Assert.Contains(message, error.ToString());
        Assert.Contains(action, error.ErrorDetails.RecommendedAction);
        Assert.StartsWith(ErrorIds.NotConnected, _ps.Run("Get-LicenseGovernanceContext").FirstErrorId);
    }

    [Fact]
    public void AnAccessTokensClaimsAreTheContext()
    {
        var connect = _ps.Run($". '{RepositoryPaths.TestAccessTokenScript}'; Connect-LicenseGovernance -AccessToken (New-TestAccessToken -TenantId 11111111-2222-3333-4444-555555555555)");

        var context = Assert.IsType<LicenseGovernanceContext>(Assert.Single(connect.Output));
        Assert.Equal("11111111-2222-3333-4444-555555555555", context.TenantId);
        Assert.Equal("Licence runbook", context.Account);
        Assert.Equal("6b0f1c1e-1a2b-4c3d-9e8f-0a1b2c3d4e5f", context.ClientId);
        Assert.Equal("Application", context.TokenType);
        Assert.Equal(new[] { "User.Read.All", "LicenseAssignment.Read.All" }, context.Scopes);
        Assert.InRange(context.TokenExpiresOn!.Value, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
    }

    [Fact]
    public void PlainHttpEndpointIsRefusedUnlessLoopback()
    {
        // ConvertTo-SecureString lives in Microsoft.PowerShell.Security, which this hosted engine does not have.
        var result = _ps.Run("$t = [securestring]::new(); 'abc'.ToCharArray() | ForEach-Object { $t.AppendChar($_) }; " +
            "Connect-LicenseGovernance -AccessToken $t -GraphEndpoint http://graph.example.com");

        Assert.StartsWith("LicenseGovernance.InvalidGraphEndpoint", result.FirstErrorId);
    }

    [Fact]
    public void CommandsNeedAConnection()
    {
        _ps.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
        var result = _ps.Run("Get-LicenseSku");

        Assert.StartsWith("LicenseGovernance.NotConnected", result.FirstErrorId);
    }

    [Fact]
    public void SnapshotSavedAndLoadedGivesTheSameTenant()
    {
        var path = Path.Combine(TestSettings.Home, "tenant-" + Guid.NewGuid().ToString("N") + ".json");
        _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 150 -Seed 7");
        var before = _ps.Run("Get-LicenseSku").Of<LicenseSku>().Select(s => (s.SkuPartNumber, s.ConsumedUnits)).OrderBy(s => s).ToList();

        var whatIf = _ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}' -WhatIf");
        Assert.False(File.Exists(path));
        Assert.Empty(whatIf.Output);

        _ps.Run($"Save-LicenseGovernanceSnapshot -Path '{path}'");
        Assert.True(File.Exists(path));

        var tenantId = _ps.Run("(Get-LicenseGovernanceContext).TenantId").Output.Single();
        _ps.Run("Disconnect-LicenseGovernance");
        var reload = _ps.Run($"Connect-LicenseGovernance -Simulator -SnapshotPath '{path}'");
        Assert.Equal(tenantId, reload.Of<LicenseGovernanceContext>().Single().TenantId);
        var after = _ps.Run("Get-LicenseSku").Of<LicenseSku>().Select(s => (s.SkuPartNumber, s.ConsumedUnits)).OrderBy(s => s).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public void PermissionReportOnTheSimulatorShowsEveryCapabilityGranted()
    {
        _ps.Run("Connect-LicenseGovernance -Simulator -UserCount 100");
        var rows = _ps.Run("Test-LicenseGovernancePermission").Of<LicensePermissionCheck>().ToList();

        Assert.Contains(rows, r => r.Capability.Length > 0 && r.Permission == "LicenseAssignment.ReadWrite.All");
        Assert.All(rows, r => Assert.True(r.Granted, r.Capability + " not granted"));
        Assert.All(rows, r => Assert.Equal("Application", r.PermissionType));
    }

    [Fact]
    public void HelpIsFoundForEveryCmdletWithAnExample()
    {
        var missing = _ps.Run(
            "Get-Command -Module LicenseGovernance | ForEach-Object { $h = Get-Help $_.Name -Full; " +
            "if (-not $h.Synopsis -or $h.Synopsis -like '*Get-Help*' -or -not $h.examples) { $_.Name } }").Output;

        Assert.Empty(missing);
    }
}
