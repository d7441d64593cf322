#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 14 (tier lifecycle without a licence gap) through the built module in out/LicenseGovernance, on the embedded
# simulated tenant: its frontline group (SPE_F1) becomes the Tier1 baseline. Access packages are delivered (and removed)
# asynchronously, as in Entra, so the tests move the simulated clock on with Set-LicenseSimulatorTime where they wait.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-lifecycle-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    . (Join-Path $PSScriptRoot 'TierRehearsal.ps1')

    # Lets entitlement management finish deliveries and removals (two minutes each on the simulated tenant).
    function Wait-Delivery { Set-LicenseSimulatorTime -Advance (New-TimeSpan -Minutes 5) -Confirm:$false | Out-Null }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Document 000' {
    BeforeAll {
        Connect-Rehearsal
        $script:Sub = Get-Frontline 1
        $script:End = (Get-LicenseSimulatorTime).Time.UtcDateTime.AddDays(180)
    }

    It 'moves a subcontractor to Tier3 for 180 days and leaves nothing for the reconciler to do' {
        (Move-UserLicenseTier -User $Sub -Tier LIC-M365-Tier3 -EndDate $End -Justification 'Project Falcon' -Confirm:$false).Outcome | Should -Be 'Moved'
        @(Sync-LicenseTier -User $Sub -Confirm:$false).Count | Should -Be 0
    }

    It 'bridges the subcontractor within the look-ahead and brings them back to Tier1 at expiry' {
        Set-LicenseSimulatorTime -To $End.AddHours(-1) -Confirm:$false | Out-Null
        (Sync-LicenseTier -User $Sub -Confirm:$false).Outcome | Should -Be 'Bridged'
        Set-LicenseSimulatorTime -To $End.AddHours(1) -Confirm:$false | Out-Null
        $back = Sync-LicenseTier -Confirm:$false | Where-Object UserPrincipalName -eq $Sub
        $back.Outcome | Should -Be 'Moved'
        $back.ToTier | Should -Be 'LIC-M365-F3'
        $back.GapSeconds | Should -BeNullOrEmpty
        @(Get-LicenseTierConflict -User $Sub).Count | Should -Be 0
    }

    It 'shows no instant without an Exchange mailbox licence on the timeline' {
        Wait-Delivery
        @(Get-LicenseSimulatorTimeline -User $Sub -Gaps | Where-Object ScopeKind -eq 'MailboxLicense').Count | Should -Be 0
    }
}

Describe 'Move-UserLicenseTier' {
    BeforeAll { Connect-Rehearsal }

    It 'moves a subcontractor to Tier3 for 180 days in the safe order, leaving one tier and no conflict' {
        $sub = Get-Frontline 1
        $result = Move-UserLicenseTier -User $sub -Tier LIC-M365-Tier3 -EndDate (Get-Date).AddDays(180) -Justification 'Project Falcon' -Confirm:$false
        $result.Outcome | Should -Be 'Moved'
        $result.FromTier | Should -Be 'LIC-M365-F3'
        $result.GapAvoided | Should -BeTrue
        $result.StepSummary | Should -Match 'bridge: SPE_F1'
        $result.StepSummary | Should -Match 'swap: SPE_E5 in, SPE_F1 out'
        @(Get-LicenseTierConflict -User $sub).Count | Should -Be 0
        (Get-TierAssignment -User $sub).TierGroup | Should -Be 'LIC-M365-Tier3'
    }

    It 'records the return of a 90-day downgrade from Tier3' {
        $user = Get-Frontline 1
        Move-UserLicenseTier -User $user -Tier LIC-M365-Tier3 -EndDate (Get-Date).AddDays(300) -Confirm:$false | Out-Null
        $down = Move-UserLicenseTier -User $user -Tier LIC-M365-Tier2 -EndDate (Get-Date).AddDays(90) -Confirm:$false
        $down.Outcome | Should -Be 'Moved'
        $down.Steps | Should -Contain 'recorded the return to LIC-M365-Tier3'
        # Tier3's assignment reads delivered until entitlement management has finished removing it.
        Wait-Delivery
        (Get-TierAssignment -User $user).TierGroup | Should -Be 'LIC-M365-Tier2'
    }

    It 'shows every step under -WhatIf and changes nothing' {
        $user = Get-Frontline 1
        $before = (Get-TierAssignment).Count
        $verbose = Move-UserLicenseTier -User $user -Tier LIC-M365-Tier3 -WhatIf -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'swap in one assignLicense'
        (Get-TierAssignment).Count | Should -Be $before
    }
}

Describe 'Sync-LicenseTier' {
    BeforeAll { Connect-Rehearsal }

    It 'finds users in two tiers, moves them in the safe order, and leaves nothing to do' {
        $users = Get-Frontline 3
        $users | ForEach-Object { Add-TierAssignment -User $_ -Tier LIC-M365-Tier3 -Days 30 -Confirm:$false | Out-Null }
        @(Sync-LicenseTier -User $users -WhatIf | Where-Object Outcome -eq 'Waiting').Count | Should -Be 3
        Wait-Delivery
        $planned = @(Sync-LicenseTier -User $users -WhatIf)
        @($planned | Where-Object Outcome -eq 'Planned').Count | Should -Be 3

        $moved = @($users | ForEach-Object { [pscustomobject]@{ UserPrincipalName = $_ } } | Sync-LicenseTier -Confirm:$false)
        @($moved | Where-Object Outcome -eq 'Moved').Count | Should -Be 3
        $moved | ForEach-Object { $_.ToTier | Should -Be 'LIC-M365-Tier3' }

        $summary = Sync-LicenseTier -User $users -Summary -Confirm:$false
        $summary.Settled | Should -Be 3
        $summary.Writes | Should -Be 0
    }

    It 'refuses a look-ahead beyond 31 days' {
        { Sync-LicenseTier -LookAhead (New-TimeSpan -Days 40) -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.LookAheadInvalid*'
    }
}

Describe 'Get-LicenseTierConflict' {
    BeforeAll { Connect-Rehearsal }

    It 'reports conflicts with a remedy, filtered by kind' {
        $all = @(Get-LicenseTierConflict)
        $all.Count | Should -BeGreaterThan 0
        $all | ForEach-Object { $_.Remedy | Should -Not -BeNullOrEmpty }
        $kind = $all[0].Kind
        @(Get-LicenseTierConflict -Kind $kind | Where-Object Kind -ne $kind).Count | Should -Be 0
    }
}

Describe 'Remove-TierAccessPackage' {
    BeforeAll { Connect-Rehearsal }

    It 'is refused while the Tier3 package is held, and with -Force moves its holder to the baseline before deleting it' {
        $user = Get-Frontline 1
        Move-UserLicenseTier -User $user -Tier LIC-M365-Tier3 -Confirm:$false | Out-Null
        { Remove-TierAccessPackage -Tier LIC-M365-Tier3 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.TierAccessPackageInUse*'
        @(Get-TierAccessPackage -Tier LIC-M365-Tier3).Count | Should -Be 1

        $removal = Remove-TierAccessPackage -Tier LIC-M365-Tier3 -Force -Confirm:$false
        $removal.Removed | Should -BeTrue
        $removal.Holders[0].ToTier | Should -Be 'LIC-M365-F3'
        $removal.Holders[0].StepSummary | Should -Match 'swap: SPE_F1 in, SPE_E5 out'
        @(Get-TierAccessPackage -Tier LIC-M365-Tier3 -ErrorAction SilentlyContinue).Count | Should -Be 0
        @(Get-LicenseTierConflict -User $user).Count | Should -Be 0
    }
}
