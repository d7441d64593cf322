#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 15, Get-UserLicense (what a user holds, with which plans, and why) through the built module in
# out/LicenseGovernance, on the embedded simulated tenant. The same scenarios run under xunit against the engine in
# tests/LicenseGovernance.Tests/UserLicenses. Licences and deliveries are processed asynchronously, as in Entra, so the
# tests move the simulated clock on with Set-LicenseSimulatorTime where they wait.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-userlicense-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    # Enabled, cloud-only members with a usage location and no licence yet.
    function Get-UnlicensedMemberUpn([int] $Count) {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "users-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $users = (Get-Content -Raw -Path $path | ConvertFrom-Json).users
        Remove-Item -Path $path
        @($users | Where-Object { $_.userType -eq 'Member' -and $_.usageLocation -and $_.accountEnabled -and -not $_.onPremisesSyncEnabled -and -not $_.licenseAssignmentStates } |
            Select-Object -First $Count -ExpandProperty userPrincipalName)
    }

    function Wait-Processing { Set-LicenseSimulatorTime -Advance 02:00:00 -Confirm:$false | Out-Null }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Get-UserLicense' {
    BeforeAll {
        Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        $script:Members = Get-UnlicensedMemberUpn 4

        # Document 003: attribute-driven groups carrying E3 with only some plans; one user lands in both.
        New-LicenseTierGroup -Name 'E3 with Selected Services' -Sku SPE_E3 -EnabledPlan SHAREPOINTENTERPRISE, EXCHANGE_S_ENTERPRISE, TEAMS1 `
            -MembershipRule 'user.extensionAttribute10 -eq "E3 with Selected Services"' | Out-Null
        New-LicenseTierGroup -Name 'E3 Forms pilot' -Sku SPE_E3 -EnabledPlan FORMS_PLAN_E3 -MembershipRule 'user.jobTitle -eq "Licence pilot"' | Out-Null
        Set-LicenseSimulatorUser -User $Members[0] -Property @{ extensionAttribute10 = 'E3 with Selected Services'; jobTitle = 'Licence pilot' } | Out-Null

        # A tier handed out by an access package, and one whose SKU has a single seat left (the demo tenant's Power BI Pro).
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 90 -WarningAction SilentlyContinue | Out-Null
        New-LicenseTierGroup -Name LIC-PowerBI-Tier -Sku POWER_BI_PRO | Out-Null
        New-TierAccessPackage -TierGroup LIC-PowerBI-Tier -ExpirationDays 90 -WarningAction SilentlyContinue | Out-Null
        Add-TierAssignment -User $Members[1] -Tier LIC-M365-Tier3 -Days 30 | Out-Null
        $script:Until = (Get-LicenseSimulatorTime).Time.AddDays(30)
        Add-TierAssignment -User $Members[2] -Tier LIC-PowerBI-Tier -Days 30 | Out-Null
        Add-TierAssignment -User $Members[3] -Tier LIC-PowerBI-Tier -Days 30 | Out-Null
        Wait-Processing
    }

    It 'shows the union of the plans of two E3 groups with different plans, as friendly names (document 003)' {
        $row = Get-UserLicense -User $Members[0] -Sku SPE_E3
        $row | Should -BeOfType LicenseGovernance.UserLicense
        $row.EnabledPlans | Should -Be @('Exchange Online (Plan 2)', 'Microsoft Forms (Plan E3)', 'Microsoft Teams', 'SharePoint (Plan 2)')
        $row.Paths.GroupName | Sort-Object | Should -Be @('E3 Forms pilot', 'E3 with Selected Services')
        $row.Paths.Kind | Sort-Object -Unique | Should -Be 'Group'
        $row.State | Should -Be 'Active'
    }

    It 'shows a direct and a group licence of one SKU as two paths, for a row piped from Get-DirectLicenseAssignment' {
        $both = Get-DirectLicenseAssignment -Sku SPE_E3 | Where-Object Assignment -eq 'Both' | Select-Object -First 1
        $row = $both | Get-UserLicense
        $row.UserId | Should -Be $both.UserId
        $row.SkuPartNumber | Should -Be 'SPE_E3'
        $row.Paths.Kind | Should -Be @('Direct', 'Group')
        $row.Paths[1].GroupName | Should -Be 'LIC-M365-E3'
    }

    It 'shows the access package that delivers a tier licence, and when its assignment ends' {
        $row = Get-UserLicense -User $Members[1] -Sku SPE_E5
        $row.Tier | Should -Be 'LIC-M365-Tier3'
        $path = $row.Paths[0]
        $path.Kind | Should -Be 'AccessPackage'
        $path.GroupName | Should -Be 'LIC-M365-Tier3'
        $path.AccessPackageName | Should -Not -BeNullOrEmpty
        [math]::Abs(($path.AssignmentEndDate - $Until).TotalMinutes) | Should -BeLessThan 5
        "$($row.Paths)" | Should -BeLike "*until $($Until.ToString('yyyy-MM-dd'))"
    }

    It 'shows a licence in error with its error' {
        $rows = @(Get-UserLicense -User $Members[2], $Members[3] -Sku POWER_BI_PRO)
        $rows.Count | Should -Be 2
        $failed = @($rows | Where-Object State -eq 'Error')
        $failed.Count | Should -Be 1
        $failed[0].Error | Should -Be 'CountViolation'
        $failed[0].Paths[0].Error | Should -Be 'CountViolation'
        $failed[0].Tier | Should -Be 'LIC-PowerBI-Tier'
        @($rows | Where-Object State -eq 'Active').Count | Should -Be 1
    }

    It 'lists with -Unlicensed the users of the tier system who hold nothing' {
        $failed = Get-UserLicense -User $Members[2], $Members[3] -Sku POWER_BI_PRO | Where-Object State -eq 'Error'
        $rows = @(Get-UserLicense -Unlicensed)
        $rows.UserId | Should -Contain $failed.UserId
        ($rows | Where-Object UserId -eq $failed.UserId).Error | Should -Be 'CountViolation'
        @($rows | Where-Object SkuPartNumber).Count | Should -Be 0
        foreach ($row in $rows) {
            @(Get-UserLicense -User $row.UserId | Where-Object State -in 'Active', 'ActiveWithError').Count | Should -Be 0
        }
        { Get-UserLicense -Unlicensed -Sku SPE_E3 -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'takes -Sku wildcards, and SKUs piped from Get-LicenseSku by SkuPartNumber' {
        $rows = @(Get-UserLicense -Sku 'SPE_E*')
        $rows.SkuPartNumber | Sort-Object -Unique | Should -Be @('SPE_E3', 'SPE_E5')
        $piped = @(Get-LicenseSku | Where-Object SkuPartNumber -like 'SPE_E*' | Get-UserLicense)
        $piped.Count | Should -Be $rows.Count
        { Get-UserLicense -Sku 'NOPE*' -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SkuPatternMatchesNothing*'
    }

    It 'limits -Tier to the users of that tier, named or piped from Get-LicenseTierGroup' {
        $rows = @(Get-UserLicense -Tier (Get-LicenseTierGroup -Name LIC-M365-Tier3))
        $rows.Tier | Sort-Object -Unique | Should -Be 'LIC-M365-Tier3'
        $rows.UserPrincipalName | Should -Contain $Members[1]
        { Get-UserLicense -Tier LIC-M365-E3 -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.NotATierGroup*'
    }

    It 'reports an unknown user and goes on with the others' {
        $rows = @(Get-UserLicense -User 'nobody@contoso.example', $Members[0] -ErrorVariable err -ErrorAction SilentlyContinue)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.UserNotFound*'
        $rows.UserPrincipalName | Sort-Object -Unique | Should -Be $Members[0]
    }
}
