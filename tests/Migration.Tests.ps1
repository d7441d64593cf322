#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 6 (direct licence assignments to group-based licensing) through the built module in out/LicenseGovernance,
# on the embedded simulated tenant. The same scenarios run under xunit in
# tests/LicenseGovernance.PowerShell.Tests/MigrationCommandTests.cs.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-migration-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    function Connect-Rehearsal {
        Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-LicenseTierGroup -Name LIC-Migrate-E3 -Sku SPE_E3 -Rank 2 -Description 'Migration target' | Out-Null
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Get-DirectLicenseAssignment' {
    BeforeAll { Connect-Rehearsal }

    It 'tells direct, inherited and both apart, with parity for both' {
        $rows = @(Get-DirectLicenseAssignment -Sku SPE_E3)
        $rows.Assignment | Sort-Object -Unique | Should -Be @('Both', 'Direct', 'Inherited')
        @($rows | Where-Object Assignment -eq 'Both' | Where-Object { $null -eq $_.PlanParity }).Count | Should -Be 0
        @($rows | Where-Object Assignment -eq 'Direct' | Where-Object { $null -ne $_.PlanParity }).Count | Should -Be 0
        ($rows | Where-Object Assignment -eq 'Inherited' | Select-Object -First 1).InheritedFrom | Should -Contain 'LIC-M365-E3'
    }

    It 'counts per SKU with -Summary, matching the rows' {
        $rows = @(Get-DirectLicenseAssignment -Sku SPE_E3)
        $summary = Get-DirectLicenseAssignment -Sku SPE_E3 -Summary
        $summary.Users | Should -Be $rows.Count
        $summary.DirectOnly | Should -Be @($rows | Where-Object Assignment -eq 'Direct').Count
        $summary.Both | Should -Be @($rows | Where-Object Assignment -eq 'Both').Count
    }
}

Describe 'Move-DirectToGroupLicense' {
    BeforeAll { Connect-Rehearsal }

    It 'lists the plan under -WhatIf and changes nothing' {
        $before = @(Get-DirectLicenseAssignment -Sku SPE_E3 | Where-Object Assignment -ne 'Inherited').Count
        $plan = @(Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-Migrate-E3 -WhatIf)
        @($plan | Where-Object Outcome -eq 'Planned').Count | Should -BeGreaterThan 0
        @($plan | Where-Object Reason -eq 'PlanDifference').Count | Should -BeGreaterThan 0
        @(Get-DirectLicenseAssignment -Sku SPE_E3 | Where-Object Assignment -ne 'Inherited').Count | Should -Be $before
        (Get-LicenseTierGroup -Name LIC-Migrate-E3).MemberCount | Should -Be 0
    }

    It 'migrates, leaves plan differences direct with a remedy, and a second run has nothing left' {
        $results = @(Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-Migrate-E3 -BatchSize 20 -Confirm:$false)
        @($results | Where-Object { $_ -isnot [LicenseGovernance.DirectToGroupMigrationResult] }).Count | Should -Be 0
        $migrated = @($results | Where-Object Outcome -eq 'Migrated')
        $migrated.Count | Should -BeGreaterThan 0
        @($results.CorrelationId | Sort-Object -Unique).Count | Should -Be 1
        $script:migrationRun = $results[0].CorrelationId
        $skipped = @($results | Where-Object Outcome -eq 'Skipped')
        $skipped | ForEach-Object { $_.Remedy | Should -Not -BeNullOrEmpty }

        $now = Get-DirectLicenseAssignment -Sku SPE_E3
        foreach ($user in $migrated) {
            ($now | Where-Object UserId -eq $user.UserId).Assignment | Should -Be 'Inherited'
        }
        foreach ($user in $skipped) {
            ($now | Where-Object UserId -eq $user.UserId).Assignment | Should -Not -Be 'Inherited'
        }

        $again = Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-Migrate-E3 -Summary -Confirm:$false
        $again | Should -BeOfType ([LicenseGovernance.DirectToGroupMigrationSummary])
        $again.Migrated | Should -Be 0
        $again.AddedToGroup | Should -Be 0
    }

    It 'is undone by Undo-LicenseChange with the run''s correlation id, which puts the direct assignments back' {
        $removed = @(Get-LicenseChangeLog -CorrelationId $script:migrationRun -Operation User.AssignLicense)
        $removed.Count | Should -BeGreaterThan 0
        Undo-LicenseChange -CorrelationId $script:migrationRun -Confirm:$false | Out-Null
        $now = Get-DirectLicenseAssignment -Sku SPE_E3
        foreach ($change in $removed) {
            ($now | Where-Object { $_.UserId -eq $change.TargetId }).Assignment | Should -Not -Be 'Inherited'
        }
    }

    It 'refuses a group that does not carry the SKU, with the catalogue id' {
        { Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-M365-E5 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.MigrationGroupLacksSku*'
    }
}
