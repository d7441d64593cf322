#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 15 (access reviews of tier assignments) through the built module in out/LicenseGovernance, on the embedded
# simulated tenant: document 002's annual review by the manager rehearsed in one session, playing the members, their
# managers and the administrator with -As. Reviews start, end and apply on the simulated clock, which the tests move.

BeforeAll {
    $script:PreviousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-reviews-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    # Lets entitlement management deliver and remove (two minutes on the simulated tenant) and group-based licensing follow.
    function Wait-Delivery { Set-LicenseSimulatorTime -Advance (New-TimeSpan -Minutes 10) -Confirm:$false | Out-Null }

    function Test-Licensed([string] $Upn, [string] $Sku) {
        [bool](Get-DirectLicenseAssignment | Where-Object { $_.UserPrincipalName -eq $Upn -and $_.SkuPartNumber -eq $Sku -and $_.Assignment -ne 'Direct' })
    }

    function Get-MyDecision([string] $Reviewer, [string] $Upn) {
        Get-TierAccessReview -Tier 'Office Licenses' -Decisions -As $Reviewer | Where-Object { $_.UserPrincipalName -eq $Upn -and $_.ApplyResult -eq 'New' }
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:PreviousHome
}

Describe 'Document 002: the annual review by the manager' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 200 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-F3 -Sku SPE_F1 -Rank 1 -Baseline -Force | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null

        $path = Join-Path $env:LICENSEGOVERNANCE_HOME 'users.json'
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $users = (Get-Content -Raw -Path $path | ConvertFrom-Json).users
        $byId = @{}
        foreach ($u in $users) { $byId[$u.id] = $u }
        $managers = @($users | ForEach-Object managerId | Where-Object { $_ })
        # Frontline members holding only the baseline's SPE_F1, with an enabled manager, none of them a manager.
        $held = Get-DirectLicenseAssignment
        $frontline = @($held | Where-Object { $_.SkuPartNumber -eq 'SPE_F1' -and $_.Assignment -eq 'Inherited' } |
                Where-Object { $id = $_.UserId; @($held | Where-Object UserId -eq $id).Count -eq 1 } | ForEach-Object { $byId[$_.UserId.ToString()] } |
                Where-Object { $_.managerId -and $byId[$_.managerId].accountEnabled -and $_.id -notin $managers })
        $script:Ann = $frontline[0].userPrincipalName
        $script:AnnManager = $byId[$frontline[0].managerId].userPrincipalName
        $script:Bob = ($frontline | Where-Object { $_.managerId -ne $frontline[0].managerId } | Select-Object -First 1).userPrincipalName
        $script:BobManager = $byId[($frontline | Where-Object userPrincipalName -eq $script:Bob).managerId].userPrincipalName
        $script:Admin = @($users | Where-Object { $_.userType -eq 'Member' -and $_.accountEnabled -and $_.id -in $managers -and
                $_.userPrincipalName -notin $script:AnnManager, $script:BobManager })[0].userPrincipalName
        $script:ReviewStart = (Get-LicenseSimulatorTime).Time.AddDays(30)
    }

    It 'creates the package with an annual review by the manager, a fallback reviewer, its start and duration' {
        $package = New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Office Licenses' -Description 'Access to licenses for Office applications' `
            -Approval Manager -ApprovalTimeoutDays 14 -ExpirationDays 365 -AccessReview Annual -Reviewer Manager -FallbackReviewer $script:Admin `
            -ReviewStartDate $script:ReviewStart -ReviewDurationDays 14 -Confirm:$false
        $package.AccessReview | Should -Be 'Annual'
        $package.Reviewers.Kind | Should -Be 'Manager'
        $package.FallbackReviewers.Name | Should -Be $script:Admin
        $package.ReviewDurationDays | Should -Be 14
        $package.ReviewStartDate.UtcDateTime.Date | Should -Be $script:ReviewStart.UtcDateTime.Date
        $package.Summary | Should -BeLike "*annual review by Manager (fallback $($script:Admin))*open 14 days; a denial removes access at the review's end*"
    }

    It 'refuses a review by managers without a fallback, and a review longer than its recurrence, before anything is sent' {
        { New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Office Licenses' -AccessReview Annual -Reviewer Manager -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.AccessReviewFallbackRequired*'
        { New-TierAccessPackage -TierGroup LIC-M365-Tier2 -Name 'Office Licenses' -AccessReview Weekly -FallbackReviewer $script:Admin -ReviewDurationDays 10 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.AccessReviewDurationTooLong*'
        (Get-TierAccessPackage -Tier 'Office Licenses').ReviewDurationDays | Should -Be 14
    }

    It 'members request with a justification, their managers approve, and they hold the tier instead of the baseline' {
        foreach ($pair in @(@($script:Ann, $script:AnnManager), @($script:Bob, $script:BobManager))) {
            $request = Request-TierAssignment -Tier 'Office Licenses' -Justification 'I need Office on my desktop' -As $pair[0]
            ($request | Approve-TierAssignmentRequest -Justification 'Approved for the role' -As $pair[1]).State | Should -BeIn 'delivering', 'delivered'
        }

        Wait-Delivery
        Sync-LicenseTier -Confirm:$false | Out-Null
        Wait-Delivery
        Test-Licensed $script:Ann SPE_E3 | Should -BeTrue
        Test-Licensed $script:Ann SPE_F1 | Should -BeFalse
        Test-Licensed $script:Bob SPE_E3 | Should -BeTrue
    }

    It 'starts the review at its start date with each decision assigned to the manager only' {
        Set-LicenseSimulatorTime -To $script:ReviewStart.AddHours(1) -Confirm:$false | Out-Null
        $review = Get-TierAccessReview -Tier 'Office Licenses' | Where-Object Status -eq 'InProgress'
        $review.NotReviewed | Should -Be 2
        $review.Reviewers | Should -Contain $script:AnnManager
        (Get-MyDecision $script:AnnManager $script:Ann).Decision | Should -Be 'NotReviewed'
        Get-MyDecision $script:BobManager $script:Ann | Should -BeNullOrEmpty

        $annDecision = Get-TierAccessReview -Tier 'Office Licenses' -Decisions | Where-Object UserPrincipalName -eq $script:Ann
        { $annDecision | Set-TierAccessReviewDecision -Decision Deny -Justification 'Not mine' -As $script:BobManager -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.AccessReviewDecisionNotFound*'
        { $annDecision | Set-TierAccessReviewDecision -Decision Deny -Justification 'App' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.DelegatedSignInRequired*'
        Get-MyDecision $script:AnnManager $script:Ann | Set-TierAccessReviewDecision -Decision Deny -Justification 'Preview' -As $script:AnnManager -WhatIf | Should -BeNullOrEmpty
        (Get-MyDecision $script:AnnManager $script:Ann).Decision | Should -Be 'NotReviewed'
    }

    It 'the manager denies one member and the other manager approves; access stays until the review ends' {
        $denied = Get-MyDecision $script:AnnManager $script:Ann | Set-TierAccessReviewDecision -Decision Deny -Justification 'Moved to a frontline role' -As $script:AnnManager -Confirm:$false
        $denied.Decision | Should -Be 'Deny'
        $denied.ReviewedBy | Should -Be $script:AnnManager
        $denied.ApplyResult | Should -Be 'New'
        (Get-MyDecision $script:BobManager $script:Bob | Set-TierAccessReviewDecision -Decision Approve -Justification 'Still needed' -As $script:BobManager -Confirm:$false).Decision | Should -Be 'Approve'
        Wait-Delivery
        Test-Licensed $script:Ann SPE_E3 | Should -BeTrue
    }

    It 'at the review end the denied assignment is removed and the licence goes; the baseline comes back; the approved member keeps access' {
        Set-LicenseSimulatorTime -To $script:ReviewStart.AddDays(14).AddHours(1) -Confirm:$false | Out-Null
        Wait-Delivery
        $decisions = Get-TierAccessReview -Tier 'Office Licenses' -Decisions
        ($decisions | Where-Object UserPrincipalName -eq $script:Ann).ApplyResult | Should -Be 'AppliedSuccessfully'
        (Get-TierAccessReview -Tier 'Office Licenses' | Where-Object Denied -eq 1).Status | Should -Be 'Completed'
        Get-TierAssignment -User $script:Ann -Tier 'Office Licenses' | Should -BeNullOrEmpty
        Test-Licensed $script:Ann SPE_E3 | Should -BeFalse
        (Get-TierAssignment -User $script:Bob -Tier 'Office Licenses').State | Should -Be 'Delivered'
        Test-Licensed $script:Bob SPE_E3 | Should -BeTrue

        Sync-LicenseTier -Confirm:$false | Out-Null
        Wait-Delivery
        Test-Licensed $script:Ann SPE_F1 | Should -BeTrue
    }
}
