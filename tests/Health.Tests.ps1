#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 5's health score and report (Get-LicenseHealth, Export-LicenseHealthReport) through the built module in
# out/LicenseGovernance, on the embedded simulated tenant. The same scenarios run under xunit in
# tests/LicenseGovernance.PowerShell.Tests/HealthCommandTests.cs.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-health-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    $script:Reports = Join-Path $env:LICENSEGOVERNANCE_HOME 'reports'
    New-Item -ItemType Directory -Path $script:Reports | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Connect-LicenseGovernance -Simulator -UserCount 200 | Out-Null
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Get-LicenseHealth' {
    It 'scores 0-100 from five components whose weights add up to 100, each with its fix' {
        $health = Get-LicenseHealth
        $health.Score | Should -BeGreaterOrEqual 0
        $health.Score | Should -BeLessOrEqual 100
        $health.Components.Name | Should -Be @('Waste', 'LicenseErrors', 'DirectAssignments', 'Ungoverned', 'ConflictingTiers')
        ($health.Components | Measure-Object Weight -Sum).Sum | Should -Be 100
        @($health.Components | Where-Object { -not $_.FixedBy }).Count | Should -Be 0
    }

    It 'is the documented formula over its own components' {
        $health = Get-LicenseHealth
        $measured = @($health.Components | Where-Object Measured)
        $points = ($measured | ForEach-Object { $_.Weight * (1 - [Math]::Min(1.0, [double]$_.Value / $_.ZeroAt)) } | Measure-Object -Sum).Sum
        $weights = ($measured | Measure-Object Weight -Sum).Sum
        $health.Score | Should -Be ([int][Math]::Round(100 * $points / $weights, [MidpointRounding]::AwayFromZero))
    }

    It 'gives ConflictingTiers its full weight while the tiers have no members' {
        New-LicenseTierGroup -Name LIC-Pester-Tier1 -Sku SPE_F1 -Rank 1 -Baseline | Out-Null
        New-LicenseTierGroup -Name LIC-Pester-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
        $conflicts = (Get-LicenseHealth).Components | Where-Object Name -eq ConflictingTiers
        $conflicts.OutOf | Should -Be 0
        $conflicts.Points | Should -Be 10
    }
}

Describe 'Export-LicenseHealthReport' {
    It 'writes nothing under -WhatIf' {
        $path = Join-Path $script:Reports 'whatif.html'
        Export-LicenseHealthReport -Path $path -WhatIf | Should -BeNullOrEmpty
        Test-Path $path | Should -BeFalse
    }

    It 'writes one self-contained file and returns it' {
        $file = Export-LicenseHealthReport -Path (Join-Path $script:Reports 'report.html')
        $file | Should -BeOfType System.IO.FileInfo
        $html = Get-Content -Raw $file.FullName
        $html | Should -Match '<svg '
        $html | Should -Not -Match '(?i)\b(src|href)\s*='
        $html | Should -Not -Match 'https?://'
    }

    It 'refuses to overwrite without -Force, and draws the trend from the earlier report with it' {
        $path = Join-Path $script:Reports 'report.html'
        { Export-LicenseHealthReport -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.HealthReportExists*'
        Export-LicenseHealthReport -Path (Join-Path $script:Reports 'report-2.html') | Out-Null
        (Get-Content -Raw (Join-Path $script:Reports 'report-2.html')) | Should -Match 'aria-label="Score over time"'
        Export-LicenseHealthReport -Path $path -Force | Should -Not -BeNullOrEmpty
    }
}
