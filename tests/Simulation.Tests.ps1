#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 14's rehearsal controls through the built module in out/LicenseGovernance, on the embedded simulated tenant.

BeforeAll {
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-sim-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    # An enabled, cloud-only member with a usage location and no licence yet.
    function Get-CloudMemberUpn {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "users-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $users = (Get-Content -Raw -Path $path | ConvertFrom-Json).users
        Remove-Item -Path $path
        @($users | Where-Object { $_.userType -eq 'Member' -and $_.usageLocation -and $_.accountEnabled -and -not $_.onPremisesSyncEnabled -and -not $_.licenseAssignmentStates })[0].userPrincipalName
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
}

Describe 'The simulated clock' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It 'starts today unless -StartDate pins it' {
        ((Get-LicenseSimulatorTime).Time - [DateTimeOffset]::UtcNow).Duration() | Should -BeLessThan ([timespan]::FromMinutes(5))
        Connect-LicenseGovernance -Simulator -UserCount 50 -StartDate '2026-11-01T09:00:00Z' | Out-Null
        (Get-LicenseSimulatorTime).Time.UtcDateTime.Date | Should -Be ([datetime]'2026-11-01')
        { Connect-LicenseGovernance -Simulator -SnapshotPath (Join-Path $TestDrive 'none.json') -StartDate '2026-11-01' -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.InvalidCredentialParameter*'
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
    }

    It 'moves forward and says how far' {
        $moved = Set-LicenseSimulatorTime -Advance 3.00:00:00
        $moved.Advanced | Should -BeGreaterOrEqual ([timespan]::FromDays(3))
        (Get-LicenseSimulatorTime).Time | Should -BeGreaterOrEqual $moved.Time
    }

    It 'never moves the clock backwards' {
        $now = (Get-LicenseSimulatorTime).Time
        { Set-LicenseSimulatorTime -To $now.AddDays(-1).UtcDateTime -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SimulatorTimeBackwards*'
    }
}

Describe 'Rehearsing an expiry' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 90 | Out-Null
        $upn = Get-CloudMemberUpn
    }

    It 'delivers a Tier 3 assignment ending in 2 days, then three days on the timeline shows the gap it leaves' {
        (Add-TierAssignment -User $upn -Tier LIC-M365-Tier3 -Days 2 -Justification 'Rehearsal').State | Should -Be 'delivering'
        (Set-LicenseSimulatorTime -Advance 00:05:00).AccessPackageDeliveries | Should -Be 1
        (Get-TierAssignment -User $upn).State | Should -Be 'delivered'
        Get-LicenseSimulatorTimeline -User $upn -Gaps | Should -BeNullOrEmpty

        $moved = Set-LicenseSimulatorTime -Advance 3.00:00:00
        $moved.AccessPackageExpiries | Should -Be 1
        $moved.Advanced | Should -BeGreaterOrEqual ([timespan]::FromDays(3))

        $history = Get-LicenseSimulatorTimeline -User $upn
        $history.Change | Should -Be @('Gained', 'Lost')
        $gaps = Get-LicenseSimulatorTimeline -User $upn -Gaps
        $gaps.ScopeKind | Should -Be @('AnyLicense', 'MailboxLicense')
        $gaps | ForEach-Object { $_.Start | Should -Be $history[1].When; $_.End | Should -BeNullOrEmpty }
        Get-LicenseSimulatorTimeline -User $upn -Sku SPE_E5 -Gaps | Should -HaveCount 1
    }

    It 'keeps its evidence as CSV, one flat row per gap' {
        $csv = Get-LicenseSimulatorTimeline -User $upn -Gaps | ConvertTo-Csv -NoTypeInformation
        $csv | Should -HaveCount 3
        $csv -join "`n" | Should -Not -BeLike '*System.*'
    }
}

Describe 'Changing a simulated user' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        $upn = Get-CloudMemberUpn
    }

    It 'shows the change under -WhatIf and writes nothing' {
        Set-LicenseSimulatorUser -User $upn -Property @{ department = 'Rehearsal' } -WhatIf | Should -BeNullOrEmpty
        $change = Set-LicenseSimulatorUser -User $upn -Property @{ department = 'Rehearsal' }
        $change.OldValue | Should -Not -Be 'Rehearsal'
        $change.NewValue | Should -Be 'Rehearsal'
    }

    It 'binds users from the pipeline and changes a leave date and the account state' {
        $changes = [pscustomobject]@{ UserPrincipalName = $upn } |
            Set-LicenseSimulatorUser -Property ([ordered]@{ employeeLeaveDateTime = [datetime]'2026-03-31T17:00:00Z'; accountEnabled = $false })
        $changes.Property | Should -Be @('employeeLeaveDateTime', 'accountEnabled')
        $changes[0].NewValue | Should -Be '2026-03-31T17:00:00Z'
        $changes[1].NewValue | Should -Be 'False'
    }

    It 'names the properties it accepts when given one it does not know' {
        { Set-LicenseSimulatorUser -User $upn -Property @{ costCentre = '42' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.SimulatorUserPropertyUnknown*' -ExpectedMessage '*extensionAttribute10*'
    }
}

Describe 'On a real tenant' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestAccessToken.ps1')
        Connect-LicenseGovernance -AccessToken (New-TestAccessToken) -GraphEndpoint 'http://127.0.0.1:9/v1.0' -WarningAction SilentlyContinue | Out-Null
    }

    It '<Command> is refused' -ForEach @(
        @{ Command = { Get-LicenseSimulatorTime } }
        @{ Command = { Set-LicenseSimulatorTime -Advance 1.00:00:00 } }
        @{ Command = { Set-LicenseSimulatorUser -User ada@contoso.com -Property @{ department = 'Sales' } } }
        @{ Command = { Get-LicenseSimulatorTimeline -User ada@contoso.com } }
    ) {
        { & $Command -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SimulatorRequired*'
    }
}
