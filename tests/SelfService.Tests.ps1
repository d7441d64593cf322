#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 15 (self-service requests and approvals) through the built module in out/LicenseGovernance, on the embedded
# simulated tenant: documents 000 (step 3) and 002 rehearsed in one session, playing the requestor, the manager and the
# licence administrator with -As. Entitlement management delivers asynchronously, so the tests move the simulated clock.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-selfservice-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    # Lets entitlement management deliver (two minutes on the simulated tenant) and group-based licensing follow.
    function Wait-Delivery { Set-LicenseSimulatorTime -Advance (New-TimeSpan -Minutes 10) -Confirm:$false | Out-Null }

    function Get-SimulatedUsers {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "users-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $users = (Get-Content -Raw -Path $path | ConvertFrom-Json).users
        Remove-Item -Path $path
        $users
    }

    function Test-Licensed([string] $Upn, [string] $Sku) {
        [bool](Get-DirectLicenseAssignment | Where-Object { $_.UserPrincipalName -eq $Upn -and $_.SkuPartNumber -eq $Sku -and $_.Assignment -ne 'Direct' })
    }

    function Get-Request([string] $Upn, [string] $Tier) {
        Get-TierAssignmentRequest -User $Upn -Tier $Tier | Sort-Object Created | Select-Object -Last 1
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Self-service requests and approvals' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline -Force | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null

        $users = Get-SimulatedUsers
        $byId = @{}
        foreach ($u in $users) { $byId[$u.id] = $u }
        # Members with a manager and a usage location (so a licence can be assigned), none of them another's manager.
        $managers = @($users | ForEach-Object managerId | Where-Object { $_ })
        $members = @($users | Where-Object {
                $_.userType -eq 'Member' -and $_.accountEnabled -and $_.usageLocation -and $_.managerId -and
                $byId[$_.managerId].accountEnabled -and $_.id -notin $managers })
        # The licence administrator approves the exception package's second stage: the demo tenant's holder of the
        # Identity Governance Administrator role (documents 000 and 002), who also reads what the requestors cannot.
        $script:LicenceAdmin = @($users | Where-Object { $_.directoryRoleIds -contains '45d8d3c5-c802-45c6-b32a-1d70b5e1e86e' })[0].userPrincipalName
        $members = @($members | Where-Object userPrincipalName -ne $script:LicenceAdmin)
        $script:Sub = $members[0].userPrincipalName
        $script:SubManager = $byId[$members[0].managerId].userPrincipalName
        $script:Member = $members[1].userPrincipalName
        $script:MemberManager = $byId[$members[1].managerId].userPrincipalName
        $script:Quiet = $members[2].userPrincipalName
        $script:QuietManager = $byId[$members[2].managerId].userPrincipalName
        $script:Exceptional = $members[3].userPrincipalName
        $script:ExceptionalManager = $byId[$members[3].managerId].userPrincipalName
        $script:Guest = @($users | Where-Object { $_.userType -eq 'Guest' -and $_.accountEnabled })[0].userPrincipalName

        New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Office Licenses' -Approval Manager -ApprovalTimeoutDays 14 -ExpirationDays 365 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 -AllowCustomEndDate -AllowExtension | Out-Null
        New-LicenseExceptionPackage -TierGroup LIC-M365-Tier3 -Approver $script:LicenceAdmin -AllowExtension | Out-Null
    }

    It 'document 000: the subcontractor requests Tier3 for 180 days; the manager approves; the user is in the group and licensed' {
        $request = Request-TierAssignment -Tier LIC-M365-Tier3 -Days 180 -Justification 'Project Falcon needs E5' -As $script:Sub
        $request.RequestType | Should -Be 'userAdd'
        $request.State | Should -Be 'pendingApproval'
        # The requestor sees that it waits, not for whom (Graph shows a package's policy only to administrators).
        $request.WaitingFor | Should -BeNullOrEmpty
        (Get-Request $script:Sub LIC-M365-Tier3).WaitingFor | Should -Be "Manager ($($script:SubManager))"

        $decided = $request | Approve-TierAssignmentRequest -Justification 'Confirmed for the project' -As $script:SubManager
        $decided.State | Should -BeIn 'delivering', 'delivered'
        Wait-Delivery
        $held = Get-TierAssignment -User $script:Sub -Tier LIC-M365-Tier3
        $held.State | Should -Be 'Delivered'
        ($held.Until - (Get-LicenseSimulatorTime).Time).TotalDays | Should -BeGreaterThan 179
        Test-Licensed $script:Sub SPE_E5 | Should -BeTrue
    }

    It 'document 000: a renewal (-Extend) asks the manager again' {
        $before = (Get-TierAssignment -User $script:Sub -Tier LIC-M365-Tier3).Until
        Set-LicenseSimulatorTime -Advance (New-TimeSpan -Days 150) -Confirm:$false | Out-Null
        $renewal = Request-TierAssignment -Tier LIC-M365-Tier3 -Extend -Justification 'Project extended' -As $script:Sub
        $renewal.RequestType | Should -Be 'userExtend'
        $renewal.State | Should -Be 'pendingApproval'
        (Get-Request $script:Sub LIC-M365-Tier3).WaitingFor | Should -Be "Manager ($($script:SubManager))"

        Approve-TierAssignmentRequest -Request $renewal.Id -Justification 'Still needed' -As $script:SubManager | Out-Null
        (Get-TierAssignment -User $script:Sub -Tier LIC-M365-Tier3).Until | Should -BeGreaterThan $before
    }

    It 'document 000: the exception package needs the manager and then the licence administrator' {
        $request = Request-TierAssignment -Tier 'LIC-M365-Tier3 exception' -Justification 'Migration weekend' -As $script:Exceptional
        (Get-Request $script:Exceptional 'LIC-M365-Tier3 exception').Stage | Should -Be '1 of 2'
        $afterManager = Approve-TierAssignmentRequest -Request $request -Justification 'OK from me' -As $script:ExceptionalManager
        $afterManager.State | Should -Be 'pendingApproval'
        $afterManager.Stage | Should -Be '2 of 2'
        Wait-Delivery
        (Get-Request $script:Exceptional 'LIC-M365-Tier3 exception').State | Should -Be 'pendingApproval'
        Get-TierAssignment -User $script:Exceptional -Tier 'LIC-M365-Tier3 exception' | Should -BeNullOrEmpty

        { Approve-TierAssignmentRequest -Request $request -Justification 'again' -As $script:ExceptionalManager -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.NotApproverOfStage*'
        (Approve-TierAssignmentRequest -Request $request -Justification 'Licence available' -As $script:LicenceAdmin).State | Should -BeIn 'delivering', 'delivered'
    }

    It 'document 000: a request nobody decides is denied after 14 days' {
        $request = Request-TierAssignment -Tier LIC-M365-Tier3 -Justification 'Maybe' -As $script:Quiet
        $request.State | Should -Be 'pendingApproval'
        Set-LicenseSimulatorTime -Advance (New-TimeSpan -Days 13) -Confirm:$false | Out-Null
        (Get-Request $script:Quiet LIC-M365-Tier3).State | Should -Be 'pendingApproval'
        Set-LicenseSimulatorTime -Advance (New-TimeSpan -Days 2) -Confirm:$false | Out-Null
        (Get-Request $script:Quiet LIC-M365-Tier3).State | Should -Be 'denied'
    }

    It 'document 002: a member requests with a justification; the manager approves with one; the user is licensed' {
        $request = Request-TierAssignment -Tier 'Office Licenses' -Justification 'I need Office on my desktop' -As $script:Member
        $request.Justification | Should -Be 'I need Office on my desktop'
        $decided = Get-TierAssignmentRequest -State Pending -Tier 'Office Licenses' | Where-Object Id -eq $request.Id |
            Approve-TierAssignmentRequest -Justification 'Approved for the role' -As $script:MemberManager
        $decided.Id | Should -Be $request.Id
        Wait-Delivery
        (Get-TierAssignment -User $script:Member -Tier 'Office Licenses').State | Should -Be 'Delivered'
        Test-Licensed $script:Member SPE_E3 | Should -BeTrue
    }

    It 'a manager can deny, and the request ends denied' {
        $request = Request-TierAssignment -Tier 'Office Licenses' -Justification 'Nice to have' -As $script:Sub
        ($request | Deny-TierAssignmentRequest -Justification 'Not for this role' -As $script:SubManager).State | Should -Be 'denied'
    }

    It 'refuses a guest a members-only package, and sends nothing' {
        $before = @(Get-TierAssignmentRequest -Tier 'Office Licenses').Count
        { Request-TierAssignment -Tier 'Office Licenses' -Justification 'Partner work' -As $script:Guest -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.TierRequestRefused*' -ExpectedMessage '*guest user, is not among the users*'
        @(Get-TierAssignmentRequest -Tier 'Office Licenses').Count | Should -Be $before
    }

    It 'refuses a request longer than the policy allows before it is sent' {
        $before = @(Get-TierAssignmentRequest -Tier LIC-M365-Tier3).Count
        { Request-TierAssignment -Tier LIC-M365-Tier3 -Days 200 -Justification 'Long project' -As $script:Member -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.TierRequestRefused*' -ExpectedMessage '*at most 180 days*'
        # A requestor cannot read whether a justification is required, so Graph refuses the request and nothing is created.
        { Request-TierAssignment -Tier LIC-M365-Tier3 -As $script:Member -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.GraphRequestFailed*' -ExpectedMessage '*justification*'
        @(Get-TierAssignmentRequest -Tier LIC-M365-Tier3).Count | Should -Be $before
    }

    It 'shows what would be sent under -WhatIf and sends nothing' {
        $before = @(Get-TierAssignmentRequest -Tier 'Office Licenses').Count
        Request-TierAssignment -Tier 'Office Licenses' -Justification 'Preview' -As $script:Quiet -WhatIf | Should -BeNullOrEmpty
        @(Get-TierAssignmentRequest -Tier 'Office Licenses').Count | Should -Be $before
    }

    It 'decides nothing under -WhatIf' {
        $pending = Request-TierAssignment -Tier 'Office Licenses' -Justification 'Preview decisions' -As $script:Quiet
        $pending | Approve-TierAssignmentRequest -Justification 'Preview' -As $script:QuietManager -WhatIf | Should -BeNullOrEmpty
        $pending | Deny-TierAssignmentRequest -Justification 'Preview' -As $script:QuietManager -WhatIf | Should -BeNullOrEmpty
        (Get-Request $script:Quiet 'Office Licenses').State | Should -Be 'pendingApproval'

        # Without -WhatIf the same decision is made, so the preview was all that held it back.
        ($pending | Deny-TierAssignmentRequest -Justification 'Not now' -As $script:QuietManager).State | Should -Be 'denied'
    }

    It 'says a signed-in user is needed when connected app-only' {
        { Request-TierAssignment -Tier LIC-M365-Tier3 -Justification 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.DelegatedSignInRequired*'
        $pending = Request-TierAssignment -Tier 'Office Licenses' -Justification 'Pending' -As $script:Quiet
        { Approve-TierAssignmentRequest -Request $pending -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.DelegatedSignInRequired*'
    }

    It 'refuses -As on a real tenant' {
        . (Join-Path $PSScriptRoot 'TestAccessToken.ps1')
        Connect-LicenseGovernance -AccessToken (New-TestAccessToken) -GraphEndpoint 'http://127.0.0.1:9/v1.0' -WarningAction SilentlyContinue | Out-Null
        { Request-TierAssignment -Tier LIC-M365-Tier3 -As someone@contoso.com -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SimulatorRequired*'
        { Deny-TierAssignmentRequest -Request ([guid]::NewGuid()) -As someone@contoso.com -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SimulatorRequired*'
    }
}
