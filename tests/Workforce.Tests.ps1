#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 16 (HR-driven joiners, movers, leavers and leave) through the built module, on the embedded simulated tenant with
# the tiers of TierRehearsal.ps1, and a package for the Tier1 baseline, the leave tier. The HR files are written here from the demo tenant's own users; the 500-row rehearsal with the
# simulator's HR export generator is in tests/LicenseGovernance.Tests/Lifecycle/WorkforceSyncTests.cs.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-workforce-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    . (Join-Path $PSScriptRoot 'TierRehearsal.ps1')

    # The rehearsal's tiers, and a package for the baseline too: a leave is kept on an assignment that ends with it.
    function Connect-WorkforceRehearsal {
        Connect-Rehearsal
        New-TierAccessPackage -TierGroup LIC-M365-F3 -ExpirationDays 365 | Out-Null
    }

    # Enabled members holding no licence at all: the joiners HR has hired.
    function Get-Unlicensed([int] $Count) {
        $licensed = @(Get-DirectLicenseAssignment | Select-Object -ExpandProperty UserPrincipalName -Unique)
        (Test-LicenseMembershipRule -Rule 'user.accountEnabled -eq true -and user.userType -eq "Member"' -Group LIC-M365-Tier3).Joining |
            Where-Object { $_ -notin $licensed } | Select-Object -First $Count
    }

    function Get-Today { (Get-LicenseSimulatorTime).Time.UtcDateTime.Date }

    # An HR export with the module's default headers; each row a hashtable of the fields it sets.
    function New-HrFile([string] $Name, [hashtable[]] $Rows) {
        $path = Join-Path $TestDrive $Name
        $Rows | ForEach-Object { [pscustomobject]@{
                EmployeeId = $_.EmployeeId ?? '1'; UserPrincipalName = $_.User; Status = $_.Status ?? 'Active'; HireDate = $_.HireDate ?? '2020-01-06'
                TerminationDate = $_.TerminationDate; LeaveStart = $_.LeaveStart; LeaveEnd = $_.LeaveEnd; Department = $_.Department; JobTitle = $_.JobTitle
                EmployeeType = 'Employee'; Manager = '' } } | Export-Csv -Path $path -NoTypeInformation
        $path
    }

    $script:Rules = Join-Path ([IO.Path]::GetTempPath()) "lg-workforce-rules-$([guid]::NewGuid().ToString('N')).psd1"
    @'
@{
    Rules     = @(
        @{ Tier = 'LIC-M365-Tier3'; When = 'user.jobTitle -contains "Analyst"' }
        @{ Tier = 'LIC-M365-Tier2'; When = 'user.department -eq "Sales"' }
    )
    Default   = 'LIC-M365-F3'
    LeaveTier = 'LIC-M365-F3'
}
'@ | Set-Content -Path $script:Rules
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Force $script:Rules -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Sync-WorkforceLicense' {
    BeforeAll {
        Connect-WorkforceRehearsal
        $script:Front = @(Get-Frontline 4)
        $script:New = @(Get-Unlicensed 2)
        $today = Get-Today
        $script:Hr = New-HrFile 'hr.csv' @(
            @{ User = $Front[0]; Department = 'Operations'; JobTitle = 'Warehouse Associate' }
            @{ User = $Front[1]; Department = 'Sales'; JobTitle = 'Account Executive' }
            @{ User = $Front[2]; Department = 'Finance'; JobTitle = 'Financial Analyst' }
            @{ User = $New[0]; Department = 'Sales'; JobTitle = 'Account Executive'; HireDate = $today.ToString('yyyy-MM-dd') }
            @{ User = $New[1]; Department = 'Finance'; JobTitle = 'Financial Analyst'; HireDate = $today.AddDays(7).ToString('yyyy-MM-dd') }
            @{ User = 'someone@contoso.onmicrosoft.com'; Department = 'Sales'; HireDate = '06/01/2026' }
            @{ User = $Front[3]; Status = 'Terminated'; TerminationDate = $today.ToString('yyyy-MM-dd'); Department = 'Operations'; JobTitle = 'Shift Lead' }
        )
    }

    It 'previews the joiners and movers with their seats and cost, and changes nothing' {
        $before = @(Get-LicenseChangeLog).Count
        $preview = Sync-WorkforceLicense -Path $Hr -RulePath $Rules -Preview
        $preview.Joiners | Should -Be 1
        $preview.Movers | Should -Be 2
        $preview.Leavers | Should -Be 1
        ($preview.Seats | Where-Object SkuPartNumber -eq 'SPE_E3').Needed | Should -Be 2
        $preview.BadRows.Line | Should -Be 7
        $preview.MonthlyCostChange | Should -BeGreaterThan 0
        @(Get-LicenseChangeLog).Count | Should -Be $before
    }

    It 'gives each person the tier the rules give, the future joiner nothing yet, and reports the bad row by line' {
        $run = Sync-WorkforceLicense -Path $Hr -RulePath $Rules -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
        ($run | Where-Object UserPrincipalName -eq $Front[1]).ToTier | Should -Be 'LIC-M365-Tier2'
        ($run | Where-Object UserPrincipalName -eq $Front[2]).Outcome | Should -Be 'Changed'
        ($run | Where-Object UserPrincipalName -eq $New[0]).Change | Should -Be 'Joiner'
        ($run | Where-Object UserPrincipalName -eq $New[1]).Outcome | Should -Be 'Deferred'
        $bad = @($problems | Where-Object { $_.FullyQualifiedErrorId -like 'LicenseGovernance.HrRowInvalid*' })
        $bad.Count | Should -Be 1
        $bad[0].TargetObject.Line | Should -Be 7
        (Get-TierAssignment -User $Front[2]).TierGroup | Should -Be 'LIC-M365-Tier3'
        (Get-TierAssignment -User $New[0]).TierGroup | Should -Be 'LIC-M365-Tier2'
        @(Get-TierAssignment -User $New[1]).Count | Should -Be 0
        $leaver = $run | Where-Object UserPrincipalName -eq $Front[3]
        $leaver.Change | Should -Be 'Leaver'
        @($leaver.Steps -like 'DisableSignIn*').Count | Should -Be 1
        $leaver.Outcome | Should -BeIn 'Changed', 'Waiting'
    }

    It 'changes nothing when run again' {
        $before = @(Get-LicenseChangeLog).Count
        $again = Sync-WorkforceLicense -Path $Hr -RulePath $Rules -Confirm:$false -ErrorAction SilentlyContinue
        # The future joiner waits for their first day; the leaver's offboarding waits for the mailbox to be shared.
        @($again | Where-Object { $_.Outcome -ne 'Deferred' -and $_.Change -ne 'Leaver' }).Count | Should -Be 0
        @(Get-LicenseChangeLog).Count | Should -Be $before
    }

    It 'moves a person on leave down until LeaveEnd, shows it in Get-TierAssignment, and brings them back' {
        $today = Get-Today
        $end = $today.AddDays(20)
        $leave = New-HrFile 'leave.csv' @(@{ User = $Front[1]; Status = 'Leave'; Department = 'Sales'; JobTitle = 'Account Executive'; LeaveStart = $today.ToString('yyyy-MM-dd'); LeaveEnd = $end.ToString('yyyy-MM-dd') })
        $down = Sync-WorkforceLicense -Path $leave -RulePath $Rules -Confirm:$false
        $down.Change | Should -Be 'LeaveStart'
        $down.ToTier | Should -Be 'LIC-M365-F3'
        $down.Until.UtcDateTime | Should -Be $end
        (Get-TierAssignment -User $Front[1] | Where-Object TierGroup -eq 'LIC-M365-F3').Until.UtcDateTime | Should -Be $end

        Set-LicenseSimulatorTime -To $end.AddHours(-1) -Confirm:$false | Out-Null
        $back = Sync-WorkforceLicense -Path $leave -RulePath $Rules -Confirm:$false
        $back.Change | Should -Be 'LeaveEnd'
        $back.Outcome | Should -Be 'Changed'
        $back.ToTier | Should -Be 'LIC-M365-Tier2'
        Set-LicenseSimulatorTime -Advance (New-TimeSpan -Days 1) -Confirm:$false | Out-Null
        @(Get-LicenseSimulatorTimeline -User $Front[1] -Gaps | Where-Object ScopeKind -eq 'MailboxLicense').Count | Should -Be 0
    }

    It 'refuses a rules file with a broken rule, naming the rule and the position' {
        $broken = Join-Path $TestDrive 'broken.psd1'
        "@{ Rules = @( @{ Tier = 'LIC-M365-Tier2'; When = 'user.department -eq `"Sales' } ) }" | Set-Content $broken
        { Sync-WorkforceLicense -Path $Hr -RulePath $broken -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.WorkforceRuleInvalid*'
        $unknown = Join-Path $TestDrive 'unknown.psd1'
        "@{ Tiers = @() }" | Set-Content $unknown
        { Sync-WorkforceLicense -Path $Hr -RulePath $unknown -WhatIf -ErrorAction Stop } | Should -Throw '*Tiers*'
    }
}

Describe 'Sync-WorkforceLicense and seats' {
    BeforeAll {
        Connect-WorkforceRehearsal
        $script:Free = (Get-LicenseSku -Sku SPE_E5).AvailableUnits
        $today = (Get-Today).ToString('yyyy-MM-dd')
        $script:Analysts = @(Get-Unlicensed ($Free + 1))
        $script:Joiners = New-HrFile 'analysts.csv' @($Analysts | ForEach-Object { @{ User = $_; Department = 'Finance'; JobTitle = 'Financial Analyst'; HireDate = $today } })
    }

    It 'refuses the joiners that need more E5 seats than are free, with the shortfall and the cost of buying them' {
        $Analysts.Count | Should -Be ($Free + 1)
        $e5 = (Sync-WorkforceLicense -Path $Joiners -RulePath $Rules -Preview).Seats | Where-Object SkuPartNumber -eq 'SPE_E5'
        $e5.Shortfall | Should -Be 1
        $e5.ShortfallMonthlyCost | Should -Be $e5.MonthlyPrice
        $run = Sync-WorkforceLicense -Path $Joiners -RulePath $Rules -Confirm:$false -ErrorVariable short -ErrorAction SilentlyContinue
        @($run | Where-Object Outcome -eq 'Refused').Count | Should -Be 1
        @($run | Where-Object Outcome -eq 'Changed').Count | Should -Be $Free
        ($short | Where-Object { $_.FullyQualifiedErrorId -like 'LicenseGovernance.WorkforceSeatsShort*' }).Exception.Message | Should -BeLike '*SPE_E5: no seat free, buying one costs*'
    }
}
