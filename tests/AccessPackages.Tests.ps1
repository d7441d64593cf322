#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 4 (access packages per tier) through the built module in out/LicenseGovernance, on the embedded simulated tenant.
# Users' own requests and approvals (Request-, Approve-, Deny-TierAssignment(Request)) are in SelfService.Tests.ps1.

BeforeAll {
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-ap-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    function New-Tier {
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
    }

    # Everything a command could write: users, groups and entitlement management, licence processing state aside.
    function Get-TenantState {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "state-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $tenant = Get-Content -Raw -Path $path | ConvertFrom-Json
        Remove-Item -Path $path
        foreach ($group in $tenant.groups) { $group.PSObject.Properties.Remove('licenseProcessingState') }
        ($tenant.users, $tenant.groups, $tenant.entitlement | ForEach-Object { ConvertTo-Json -InputObject $_ -Depth 20 -Compress }) -join "`n"
    }

    function Get-MemberUpn {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "users-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $users = (Get-Content -Raw -Path $path | ConvertFrom-Json).users
        Remove-Item -Path $path
        @($users | Where-Object { $_.userType -eq 'Member' -and $_.usageLocation -and $_.accountEnabled })[0].userPrincipalName
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
}

Describe 'Tier access packages' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-Tier
    }

    It 'creates document 002''s Office Licenses package with its policy and My Access link' {
        $package = New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Office Licenses' -Description 'Access to licenses for Office applications' -Approval Manager -ApprovalTimeoutDays 14 -ExpirationDays 365 -AccessReview Annual -Reviewer Manager -FallbackReviewer LIC-M365-Tier2
        $package.Result | Should -Be 'Created'
        $package.WhoCanRequest | Should -Be 'AllMembers'
        $package.Approval | Should -Be 'Manager'
        $package.ApprovalStages[0].Approvers[0].Kind | Should -Be 'Manager'
        $package.ApprovalTimeoutDays | Should -Be 14
        $package.RequestorJustification | Should -BeTrue
        $package.ApproverJustification | Should -BeTrue
        $package.ExpirationDays | Should -Be 365
        $package.AccessReview | Should -Be 'Annual'
        $package.Reviewers.Kind | Should -Be 'Manager'
        $package.Summary | Should -BeLike 'All members (no guests) may request; Manager approves, 14 days per stage*'
        $package.MyAccessLink | Should -BeLike "https://myaccess.microsoft.com/@*#/access-packages/$($package.Id)"
    }

    It 'writes nothing when run again with the same arguments' {
        $before = Get-TenantState
        $again = New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Office Licenses' -Description 'Access to licenses for Office applications' -Approval Manager -ApprovalTimeoutDays 14 -ExpirationDays 365 -AccessReview Annual -Reviewer Manager -FallbackReviewer LIC-M365-Tier2
        $again.Result | Should -Be 'Unchanged'
        Get-TenantState | Should -Be $before
    }

    It 'shows the Graph objects under -WhatIf and writes nothing' {
        $before = Get-TenantState
        $run = New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 -AllowExtension -WhatIf -Verbose 4>&1
        $verbose = @($run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -BeLike '*Create accessPackage *'
        $verbose | Should -BeLike '*"duration":"P180D"*'
        @($run | Where-Object { $_ -is [LicenseGovernance.TierAccessPackage] }) | Should -BeNullOrEmpty
        Get-TenantState | Should -Be $before
    }

    It 'refuses a Tier 2 package without approval unless -AllowWithoutApproval' {
        { New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Tier 2 open' -Approval None -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.AccessPackageApprovalRequired*'
        (New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Tier 2 open' -Approval None -AllowWithoutApproval).Approval | Should -Be 'None'
    }

    It 'refuses an exception package without two stages' {
        { New-LicenseExceptionPackage -TierGroup LIC-M365-Tier3 -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.ExceptionPackageNeedsTwoStages*'
        $exception = New-LicenseExceptionPackage -TierGroup LIC-M365-Tier3 -Approver LIC-M365-Tier1 -AllowExtension
        $exception.IsException | Should -BeTrue
        $exception.ExpirationDays | Should -Be 30
        $exception.AllowExtension | Should -BeTrue
        $exception.ExtensionApproval | Should -BeTrue
    }

    It 'keeps guests out unless -IncludeGuests' {
        (Get-TierAccessPackage -Tier 'Office Licenses').WhoCanRequest | Should -Be 'AllMembers'
        (New-TierAccessPackage -TierGroup LIC-M365-Tier1 -Approval None -IncludeGuests).WhoCanRequest | Should -Be 'AllUsers'
    }
}

Describe 'Tier assignments' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-Tier
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 90 | Out-Null
        $upn = Get-MemberUpn
    }

    It 'assigns directly with an end date, lists it, removes it, and Undo-LicenseChange gives it back' {
        # Entra delivers asynchronously: the request is delivering when it comes back, delivered a few minutes later.
        $sent = Add-TierAssignment -User $upn -Tier LIC-M365-Tier3 -Days 30 -Justification 'Pilot'
        $sent.State | Should -Be 'delivering'
        Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null
        $held = Get-TierAssignment -User $upn
        $held.AccessPackage | Should -Be 'LIC-M365-Tier3'
        $held.State | Should -Be 'delivered'
        $held.DaysLeft | Should -Be 30
        Get-TierAssignmentRequest -User $upn | Select-Object -ExpandProperty RequestType | Should -Contain 'adminAdd'

        Get-TierAssignment -User $upn | Remove-TierAssignment -Confirm:$false | Out-Null
        Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null
        Get-TierAssignment -User $upn | Should -BeNullOrEmpty
        Get-LicenseChangeLog -Operation AccessPackage.RemoveAssignment | Undo-LicenseChange -Confirm:$false | Out-Null
        Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null
        (Get-TierAssignment -User $upn).AccessPackage | Should -Be 'LIC-M365-Tier3'
    }

    It 'takes a tier by name or object under -Tier, and refuses a rank there, naming the tier and -Rank' {
        $before = Get-TenantState
        $err = $null
        try { Add-TierAssignment -User $upn -Tier 3 -Days 30 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.TierGivenAsRank*'
        $err.Exception.Message | Should -BeLike "*The tier of rank 3 is 'LIC-M365-Tier3'*-Rank*"
        { Move-UserLicenseTier -User $upn -Tier 3 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.TierGivenAsRank*'
        { New-LicenseTierGroup -Name LIC-Ranked -Sku SPE_E3 -Tier 4 -ErrorAction Stop } | Should -Throw -ErrorId 'NamedParameterNotFound*'
        Get-TenantState | Should -Be $before

        (Get-TierAccessPackage -Tier (Get-LicenseTierGroup -Name LIC-M365-Tier3)).TierRank | Should -Be 3
        # The assignment Undo gave back above, removed and made again with tier objects under -Tier.
        Remove-TierAssignment -User $upn -Tier (Get-LicenseTierGroup -Name LIC-M365-Tier3) -Confirm:$false | Out-Null
        Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null
        Get-TierAssignment -User $upn | Should -BeNullOrEmpty
        $sent = Add-TierAssignment -User $upn -Tier (Get-TierAccessPackage -Tier LIC-M365-Tier3) -Days 10 -Confirm:$false
        $sent.State | Should -Be 'delivering'
        Set-LicenseSimulatorTime -Advance 00:05:00 | Out-Null
        (Get-TierAssignment -User $upn).AccessPackage | Should -Be 'LIC-M365-Tier3'
    }

    It 'refuses an end beyond the policy''s maximum and writes nothing' {
        $before = Get-TenantState
        { Add-TierAssignment -User $upn -Tier LIC-M365-Tier3 -Days 200 -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.Tier*'
        Get-TenantState | Should -Be $before
    }
}
