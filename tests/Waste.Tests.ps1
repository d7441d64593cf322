#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 5 (zombie licences and utilization) through the built module in out/LicenseGovernance, on the embedded simulated
# tenant. The same scenarios run under xunit in tests/LicenseGovernance.PowerShell.Tests/WasteCommandTests.cs.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-waste-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    function Connect-Rehearsal {
        Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Get-ZombieLicense' {
    BeforeAll { Connect-Rehearsal }

    It 'reports each reason with its evidence, source and cost' {
        $zombies = @(Get-ZombieLicense)
        $zombies.Count | Should -BeGreaterThan 0
        @($zombies | Where-Object { $_.Reasons -contains 'Departed' -and $null -eq $_.EmployeeLeaveDateTime }).Count | Should -Be 0
        @($zombies | Where-Object { $_.Reasons -contains 'Disabled' -and $_.AccountEnabled }).Count | Should -Be 0
        @($zombies | Where-Object { $_.Reasons -contains 'Inactive' -and $_.DaysSinceSignIn -le 90 }).Count | Should -Be 0
        @($zombies | Where-Object { $_.Reasons -contains 'Inactive' }).Count | Should -BeGreaterThan 0
        @($zombies | Where-Object AssignedBy -like 'Group *').Count | Should -BeGreaterThan 0
        @($zombies | Where-Object AssignedBy -eq 'Direct').Count | Should -BeGreaterThan 0
        $zombies | Where-Object MonthlyCost | ForEach-Object { $_.AnnualCost | Should -Be ($_.MonthlyCost * 12) }
        @($zombies | Where-Object UserType -eq 'Guest').Count | Should -Be 0
    }

    It 'filters by reason and SKU' {
        $departed = @(Get-ZombieLicense -Sku SPE_E3 -Reason Departed)
        $departed.Count | Should -BeGreaterThan 0
        $departed | ForEach-Object { $_.Reasons | Should -Contain 'Departed'; $_.SkuPartNumber | Should -Be 'SPE_E3' }
    }

    It 'takes the SKUs piped from Get-LicenseSku, and wildcards' {
        $visio = @(Get-ZombieLicense -Sku VISIOCLIENT)
        $visio.Count | Should -BeGreaterThan 0
        $piped = @(Get-LicenseSku -Sku VISIOCLIENT | Get-ZombieLicense -ErrorVariable err)
        $err | Should -BeNullOrEmpty
        $piped.Count | Should -Be $visio.Count
        $piped | ForEach-Object { $_.SkuPartNumber | Should -Be 'VISIOCLIENT' }

        $spe = @(Get-LicenseSku -Sku 'SPE_*' | Get-ZombieLicense)
        @($spe.SkuPartNumber | Sort-Object -Unique) | Should -Be @(Get-ZombieLicense -Sku 'SPE_*' | ForEach-Object SkuPartNumber | Sort-Object -Unique)
        $spe | ForEach-Object { $_.SkuPartNumber | Should -BeLike 'SPE_*' }
        @($spe.SkuPartNumber | Sort-Object -Unique).Count | Should -BeGreaterThan 1
    }

    It 'lists nothing for a wildcard that matches no SKU, and says so' {
        Get-ZombieLicense -Sku 'NOPE_*' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.SkuPatternMatchesNothing*'
    }

    It 'refuses bad input with a specific error' {
        { Get-ZombieLicense -InactiveDays 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,LicenseGovernance.Commands.Waste.GetZombieLicenseCommand'
        { Get-ZombieLicense -Sku SPE_E55 -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SkuNotFound,LicenseGovernance.Commands.Waste.GetZombieLicenseCommand'
    }
}

Describe 'Get-LicenseUtilization' {
    BeforeAll { Connect-Rehearsal }

    It 'counts the zombies per SKU and prices the unused and zombie seats' {
        $zombies = @(Get-ZombieLicense)
        foreach ($sku in Get-LicenseUtilization) {
            $sku.AssignedToZombies | Should -Be @($zombies | Where-Object SkuId -eq $sku.SkuId).Count
            $sku.Available | Should -Be ([Math]::Max(0, $sku.Purchased - $sku.Assigned))
            if ($null -ne $sku.MonthlyPrice) {
                $sku.ZombieMonthlyCost | Should -Be ($sku.MonthlyPrice * $sku.AssignedToZombies)
                $sku.UnassignedMonthlyCost | Should -Be ($sku.MonthlyPrice * $sku.Available)
            }
        }
    }
}

Describe 'Remove-ZombieLicense' {
    BeforeAll { Connect-Rehearsal }

    It 'lists every change and the money under -WhatIf, and changes nothing' {
        $before = @(Get-ZombieLicense -Reason Departed).Count
        $run = @(Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf)
        $run.Count | Should -Be $before
        @($run | Where-Object { $_ -isnot [LicenseGovernance.ZombieLicenseRemoval] }).Count | Should -Be 0
        $summary = Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf -Summary
        $summary | Should -BeOfType ([LicenseGovernance.ZombieLicenseRemovalSummary])
        $summary.WhatIf | Should -BeTrue
        $summary.NotConfirmed | Should -Be $before
        $summary.MonthlyNotConfirmed | Should -BeGreaterThan 0
        @(Get-ZombieLicense -Reason Departed).Count | Should -Be $before
    }

    It 'skips mailbox licences with a warning unless -IncludeMailboxLicenses' {
        $run = @(Get-ZombieLicense -Reason Departed -Sku SPE_E3 | Remove-ZombieLicense -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue)
        @($run | Where-Object Outcome -eq 'Skipped').Count | Should -BeGreaterThan 0
        ($warnings -join "`n") | Should -Match 'deleted after 30 days'
    }

    It 'takes reviewed CSV rows by user and SKU' {
        $csv = Join-Path $env:LICENSEGOVERNANCE_HOME 'review.csv'
        Get-ZombieLicense -Reason Departed | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $summary = Import-Csv $csv | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf -Summary
        $summary.NotConfirmed | Should -Be $rows.Count
    }

    It 'removes direct licences at once, journals every change, and undo restores them' {
        $direct = @(Get-ZombieLicense -Reason Departed | Where-Object AssignedBy -eq 'Direct')
        $direct.Count | Should -BeGreaterThan 0
        $summary = $direct | Remove-ZombieLicense -IncludeMailboxLicenses -Summary -Confirm:$false
        $summary.Removed | Should -Be $direct.Count
        $summary.Failed | Should -Be 0
        $left = @(Get-ZombieLicense -Reason Departed | Where-Object AssignedBy -eq 'Direct')
        $left.Count | Should -Be 0
        @(Get-LicenseChangeLog -CorrelationId $summary.CorrelationId).Count | Should -Be $direct.Count

        Undo-LicenseChange -CorrelationId $summary.CorrelationId -Confirm:$false | Out-Null
        @(Get-ZombieLicense -Reason Departed | Where-Object AssignedBy -eq 'Direct').Count | Should -Be $direct.Count
    }
}
