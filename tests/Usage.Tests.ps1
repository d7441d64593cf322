#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 5, usage reports (Get-UnderusedLicense) through the built module in out/LicenseGovernance, on the embedded
# simulated tenant. The same scenarios run under xunit in tests/LicenseGovernance.PowerShell.Tests/UsageCommandTests.cs.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-usage-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    function Connect-Rehearsal {
        Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
        Connect-LicenseGovernance -Simulator -UserCount 400 | Out-Null
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Get-UnderusedLicense' {
    BeforeAll { Connect-Rehearsal }

    It 'suggests Microsoft 365 E3 for E5 holders whose usage it covers, with the saving from the price book' {
        $e5 = Get-LicensePrice -Sku SPE_E5
        $e3 = Get-LicensePrice -Sku SPE_E3
        $found = @(Get-UnderusedLicense -Sku SPE_E5 -Period D30 -WarningAction SilentlyContinue)
        $found.Count | Should -BeGreaterThan 0
        $found.SuggestedSkuPartNumber | Sort-Object -Unique | Should -Be 'SPE_E3'
        $found.MonthlySaving | Sort-Object -Unique | Should -Be ($e5.MonthlyPrice - $e3.MonthlyPrice)
        ($found | Measure-Object AnnualSaving -Sum).Sum | Should -Be ($found.Count * 12 * ($e5.MonthlyPrice - $e3.MonthlyPrice))
    }

    It 'describes the evidence and what the reports cannot show' {
        $one = Get-UnderusedLicense -Sku SPE_E5 -WarningAction SilentlyContinue | Select-Object -First 1
        $one.Evidence | Should -Match 'covers all of it'
        $one.NotVisibleInReports.Count | Should -BeGreaterThan 0
        @($one.WorkloadsUsed) + @($one.AppsUsed) | Should -Not -BeNullOrEmpty
        $one.ReportRefreshDate | Should -BeLessThan $one.LastActivityDate.AddDays(31)
    }

    It 'counts holders with no activity in a warning that points to Get-ZombieLicense' {
        Get-UnderusedLicense -Sku SPE_E5 -Period D7 -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings -join "`n" | Should -Match 'Get-ZombieLicense'
    }

    It 'takes users piped from its own results' {
        $first = @(Get-UnderusedLicense -WarningAction SilentlyContinue | Select-Object -First 2)
        $again = @($first | Get-UnderusedLicense -WarningAction SilentlyContinue)
        $again.UserId | Should -Be $first.UserId
    }

    It 'refuses a period the reports do not have' {
        { Get-UnderusedLicense -Period D14 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,LicenseGovernance.Commands.Usage.GetUnderusedLicenseCommand'
    }
}

Describe 'Get-UnderusedLicense when reports conceal names' {
    BeforeAll {
        Connect-Rehearsal
        $script:Snapshot = Join-Path $env:LICENSEGOVERNANCE_HOME 'concealed.json'
        Save-LicenseGovernanceSnapshot -Path $script:Snapshot
        $state = Get-Content $script:Snapshot -Raw | ConvertFrom-Json -AsHashtable
        $state.displayConcealedNames = $true
        $state | ConvertTo-Json -Depth 100 -Compress | Set-Content $script:Snapshot
        Disconnect-LicenseGovernance | Out-Null
        Connect-LicenseGovernance -Simulator -SnapshotPath $script:Snapshot | Out-Null
    }

    It 'stops with an error that says how to show names, instead of returning nothing' {
        $err = $null
        try { Get-UnderusedLicense -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.UsageReportNamesConcealed,*'
        $err.Exception.Message | Should -Match 'displayConcealedNames'
        $err.Exception.Message | Should -Match 'Org settings'
    }
}
