#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 16 (offboarding) through the built module in out/LicenseGovernance, on the embedded simulated tenant: a leaver in
# Tier3 through its access package, with a request waiting for approval, is offboarded in the safe order; the mailbox
# licence waits until the mailbox is shared; a user on the demo tenant's eDiscovery hold keeps it; undo gives it back.
# Exchange Online is played by a fake ExchangeOnlineManagement module defined here.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-offboarding-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    # Lets entitlement management deliver and remove, and group-based licensing follow.
    function Wait-Entra { Set-LicenseSimulatorTime -Advance (New-TimeSpan -Minutes 30) -Confirm:$false | Out-Null }

    function Get-Snapshot {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "tenant-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $tenant = Get-Content -Raw -Path $path | ConvertFrom-Json
        Remove-Item -Path $path
        $tenant
    }

    function Get-Held([string] $Upn) { @(Get-UserLicense -User $Upn | ForEach-Object SkuPartNumber | Sort-Object -Unique) }

    function Get-Step($Steps, [string] $Step, [string] $Sku = '') { $Steps | Where-Object { "$($_.Step)" -eq $Step -and $_.Sku -eq $Sku } }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module ExchangeOnlineManagement -ErrorAction SilentlyContinue
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Offboarding a leaver' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline -Force | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Approval Manager -ExpirationDays 365 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 365 | Out-Null

        $tenant = Get-Snapshot
        $byId = @{}
        foreach ($u in $tenant.users) { $byId[$u.id] = $u }
        $held = @($tenant.ediscoveryCases.legalHolds.userSources)
        # Unlicensed members with a manager and a usage location, none of them on the seeded hold.
        $candidates = @($tenant.users | Where-Object {
                $_.userType -eq 'Member' -and $_.accountEnabled -and $_.usageLocation -and $_.managerId -and
                $_.licenseAssignmentStates.Count -eq 0 -and $_.mail -notin $held })
        $script:Leaver = $candidates[0].userPrincipalName
        $script:LeaverId = $candidates[0].id
        $script:Manager = $byId[$candidates[0].managerId]
        $script:Second = $candidates[1].userPrincipalName
        $script:SecondId = $candidates[1].id
        $script:HeldUser = @($tenant.users | Where-Object { $_.mail -in $held })[0].userPrincipalName
        $script:Sender = @($tenant.users | Where-Object { $_.accountEnabled -and $_.licenseAssignmentStates.Count -gt 0 -and $_.mail -notin $held -and $_.userType -eq 'Member' })[-1].userPrincipalName

        foreach ($upn in $script:Leaver, $script:Second) {
            Move-UserLicenseTier -User $upn -Tier LIC-M365-Tier3 -EndDate (Get-LicenseSimulatorTime).Time.AddDays(90) -Confirm:$false | Out-Null
        }
        Request-TierAssignment -Tier LIC-M365-Tier2 -Justification 'Before I go' -As $script:Leaver | Out-Null
        Wait-Entra
    }

    It 'blocks sign-in, revokes sessions, hands the OneDrive to the manager and cancels the pending request; the mailbox licence waits' {
        Get-Held $script:Leaver | Should -Be @('SPE_E5')
        $steps = Start-LicenseOffboarding -User $script:Leaver -Confirm:$false
        $script:CorrelationId = $steps[0].CorrelationId

        ($steps | ForEach-Object { "$($_.Step)" }) | Select-Object -First 6 | Should -Be @('DisableSignIn', 'RevokeSessions', 'LegalHold', 'Mailbox', 'OneDrive', 'PendingRequests')
        (Get-Step $steps DisableSignIn).Status | Should -Be 'Done'
        (Get-Step $steps RevokeSessions).Status | Should -Be 'Done'
        (Get-Step $steps OneDrive).Status | Should -Be 'Done'
        (Get-Step $steps OneDrive).Detail | Should -Match '93 days'
        (Get-Step $steps PendingRequests).Status | Should -Be 'Done'
        (Get-Step $steps Mailbox).Status | Should -Be 'Waiting'
        (Get-Step $steps Mailbox).Next | Should -Match ([regex]::Escape("Set-Mailbox -Identity '$($script:Leaver)' -Type Shared"))
        (Get-Step $steps License SPE_E5).Status | Should -Be 'Waiting'

        $user = (Get-Snapshot).users | Where-Object id -eq $script:LeaverId
        $user.accountEnabled | Should -BeFalse
        $user.signInSessionsRevoked | Should -Be 1
        @($user.drivePermissions | Where-Object { $_.userId -eq $script:Manager.id -and 'write' -in $_.roles }).Count | Should -Be 1
        (Get-TierAssignmentRequest -User $script:Leaver -Tier LIC-M365-Tier2 | Sort-Object Created | Select-Object -Last 1).State | Should -Be 'canceled'
        Wait-Entra
        Get-Held $script:Leaver | Should -Be @('SPE_E5')
    }

    It 'ends the tier package once the mailbox reads shared, reports the money and mails finance once' {
        Set-LicenseSimulatorUser -User $script:Leaver -MailboxPurpose shared -Confirm:$false | Out-Null
        $steps = Start-LicenseOffboarding -User $script:Leaver -NotifyEmail finance@contoso.com -SenderMailbox $script:Sender -Confirm:$false
        $steps[0].CorrelationId | Should -Be $script:CorrelationId
        (Get-Step $steps DisableSignIn).Status | Should -Be 'AlreadyDone'
        (Get-Step $steps RevokeSessions).Status | Should -Be 'AlreadyDone'
        (Get-Step $steps License SPE_E5).Status | Should -Be 'Done'
        (Get-Step $steps License SPE_E5).Detail | Should -Match "ended the access package assignment 'LIC-M365-Tier3'"
        (Get-Step $steps Recovered).Detail | Should -Match 'SPE_E5 \(USD [0-9.]+/month\)'
        (Get-Step $steps NotifyFinance).Status | Should -Be 'Done'
        Wait-Entra
        Get-Held $script:Leaver | Should -BeNullOrEmpty

        $recorded = Get-LicenseChangeLog -CorrelationId $script:CorrelationId -Operation Offboarding.Recovered | Select-Object -Last 1
        ($recorded.After | ConvertFrom-Json).monthly | Should -BeGreaterThan 0
        $changes = (Get-LicenseChangeLog).Count
        $again = Start-LicenseOffboarding -User $script:Leaver -NotifyEmail finance@contoso.com -SenderMailbox $script:Sender -Summary -Confirm:$false
        $again.Complete | Should -BeTrue
        (Get-LicenseChangeLog).Count | Should -Be $changes
        $mail = @((Get-Snapshot).sentMail)
        $mail.Count | Should -Be 1
        $mail[0].to | Should -Be @('finance@contoso.com')
        $mail[0].body | Should -Match '1 seat\(s\) recovered'
        $user = (Get-Snapshot).users | Where-Object id -eq $script:LeaverId
        $user.signInSessionsRevoked | Should -Be 1
        @($user.drivePermissions).Count | Should -Be 1
    }

    It 'a user on the demo tenant''s eDiscovery hold keeps the mailbox licence, and the step says why' {
        Set-LicenseSimulatorUser -User $script:HeldUser -MailboxPurpose shared -Confirm:$false | Out-Null
        $before = Get-Held $script:HeldUser
        $steps = Start-LicenseOffboarding -User $script:HeldUser -Manager $script:Manager.userPrincipalName -Confirm:$false
        (Get-Step $steps LegalHold).Detail | Should -Match "eDiscovery case 'Contoso v. Fabrikam'"
        $kept = @($steps | Where-Object { "$($_.Step)" -eq 'License' -and "$($_.Status)" -eq 'Skipped' })
        $kept.Count | Should -BeGreaterThan 0
        $kept[0].Detail | Should -Match 'on hold'
        Wait-Entra
        @(Get-Held $script:HeldUser | Where-Object { $_ -in $kept.Sku }).Count | Should -Be $kept.Count
        $before.Count | Should -BeGreaterOrEqual $kept.Count
    }

    It 'Undo-LicenseChange -CorrelationId enables sign-in again and gives the licences back' {
        Undo-LicenseChange -CorrelationId $script:CorrelationId -Confirm:$false | Out-Null
        Wait-Entra
        ((Get-Snapshot).users | Where-Object id -eq $script:LeaverId).accountEnabled | Should -BeTrue
        Get-Held $script:Leaver | Should -Be @('SPE_E5')
    }

    It 'with Exchange Online connected, converts the mailbox and frees the licence in one run, summed up with -Summary' {
        New-Module -Name ExchangeOnlineManagement -ScriptBlock {
            $script:Converted = [System.Collections.Generic.List[string]]::new()
            function Get-ConnectionInformation { [pscustomobject]@{ State = 'Connected'; UserPrincipalName = 'admin@contoso.com' } }
            function Get-Mailbox {
                [CmdletBinding()] param([string] $Identity)
                [pscustomobject]@{
                    RecipientTypeDetails  = if ($Identity -in $script:Converted) { 'SharedMailbox' } else { 'UserMailbox' }
                    LitigationHoldEnabled = $false
                    InPlaceHolds          = @()
                }
            }
            function Set-Mailbox {
                [CmdletBinding()] param([string] $Identity, [string] $Type)
                if ($Type -ne 'Shared') { throw "unexpected type $Type" }
                $script:Converted.Add($Identity)
                Set-LicenseSimulatorUser -User $Identity -MailboxPurpose shared -Confirm:$false | Out-Null
            }
            function Get-ConvertedMailbox { $script:Converted }
            Export-ModuleMember -Function *
        } | Import-Module -Global

        $summary = Start-LicenseOffboarding -User $script:Second -ConvertMailboxToShared -Summary -Confirm:$false
        $summary.Complete | Should -BeTrue
        $summary.SeatsRecovered | Should -Be 1
        $summary.Recovered[0].SkuPartNumber | Should -Be 'SPE_E5'
        $summary.MonthlyRecovered | Should -BeGreaterThan 0
        Get-ConvertedMailbox | Should -Be @($script:Second)
        Wait-Entra
        Get-Held $script:Second | Should -BeNullOrEmpty
        Remove-Module ExchangeOnlineManagement
    }

    It '-WhatIf changes nothing, and bad input is refused before anything changes' {
        $before = (Get-LicenseChangeLog).Count
        Start-LicenseOffboarding -User $script:Sender -WhatIf | Where-Object { "$($_.Status)" -eq 'Planned' } | Should -Not -BeNullOrEmpty
        { Start-LicenseOffboarding -User $script:Sender -ConvertMailboxToShared -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.OffboardingExchangeNotConnected*'
        { Start-LicenseOffboarding -User $script:Sender -NotifyEmail finance@contoso.com -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.OffboardingSenderRequired*'
        (Get-LicenseChangeLog).Count | Should -Be $before
        ((Get-Snapshot).users | Where-Object userPrincipalName -eq $script:Sender).accountEnabled | Should -BeTrue
    }
}
