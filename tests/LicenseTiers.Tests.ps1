#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 3 (licence tiers as groups) through the built module in out/LicenseGovernance, on the embedded simulated tenant.
# The same scenarios run under xunit in tests/LicenseGovernance.PowerShell.Tests/TierCommandTests.cs.

BeforeAll {
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-tiers-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    $E3AllRule = 'user.extensionAttribute10 -eq "E3 All"'

    # Document 000, step 1: one group per tier, Tier 1 the baseline, Tier 3 a bundle of two SKUs.
    function New-Document000Tier {
        param([hashtable] $Common = @{})
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline -Description 'Baseline licence for every member' @Common
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 -DisabledPlan YAMMER_ENTERPRISE -Description 'Knowledge workers' @Common
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5, VISIOCLIENT -Rank 3 -Description 'Power users' @Common
    }

    function Assert-Document000Tier {
        param([object[]] $Tiers)
        $Tiers.DisplayName | Should -Be @('LIC-M365-Tier1', 'LIC-M365-Tier2', 'LIC-M365-Tier3')
        $Tiers.TierRank | Should -Be @(1, 2, 3)
        $Tiers.IsBaseline | Should -Be @($true, $false, $false)
        $Tiers.MembershipType | Should -Be @('Static', 'Static', 'Static')
        $Tiers.MemberCount | Should -Be @(0, 0, 0)
        $Tiers[0].Skus.SkuPartNumber | Should -Be @('SPE_F1')
        $Tiers[1].Skus.SkuPartNumber | Should -Be @('SPE_E3')
        $Tiers[2].Skus.SkuPartNumber | Sort-Object | Should -Be @('SPE_E5', 'VISIOCLIENT')
        $Tiers[1].Description | Should -Be 'Knowledge workers'
        $Tiers[1].Skus[0].DisabledPlans | Should -Be @('YAMMER_ENTERPRISE')
        $Tiers[1].Skus[0].EnabledPlans | Should -Contain 'TEAMS1'
        $Tiers[1].Skus[0].EnabledPlans | Should -Not -Contain 'YAMMER_ENTERPRISE'
    }

    # The simulated tenant's SKUs, users and groups as saved. Licence processing state is left out: it moves on by
    # itself (processing is asynchronous), which is not something a command wrote.
    function Get-TenantState {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "state-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $tenant = Get-Content -Raw -Path $path | ConvertFrom-Json
        Remove-Item -Path $path
        foreach ($group in $tenant.groups) { $group.PSObject.Properties.Remove('licenseProcessingState') }
        ($tenant.skus, $tenant.users, $tenant.groups | ForEach-Object { ConvertTo-Json -InputObject $_ -Depth 20 -Compress }) -join "`n"
    }

    function Get-Completion {
        param([string] $InputScript)
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
}

Describe 'Document 000''s three tiers' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        $tiersBefore = @(Get-LicenseTierGroup)
        $created = @(New-Document000Tier)
    }

    It 'are created from nothing in one script' {
        $tiersBefore | Should -BeNullOrEmpty
        Assert-Document000Tier $created
    }

    It 'change nothing when created again with the same arguments' {
        $before = Get-TenantState
        $again = New-Document000Tier -Common @{ Verbose = $true } 4>&1
        $verbose = @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        @($again | Where-Object { $_ -is [LicenseGovernance.LicenseTierGroup] }).GroupId | Should -Be $created.GroupId
        @($verbose -like '*nothing to change*').Count | Should -Be 3
        $verbose -like 'Performing the operation*' | Should -BeNullOrEmpty
        Get-TenantState | Should -Be $before
    }

    It 'change nothing under -WhatIf' {
        $before = Get-TenantState
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 -Description 'Knowledge workers' -WhatIf | Should -BeNullOrEmpty
        New-LicenseTierGroup -Name LIC-M365-Tier4 -Sku SPE_E3 -Rank 4 -WhatIf | Should -BeNullOrEmpty
        Set-LicenseTierGroup -Name LIC-M365-Tier3 -Rank 7 -WhatIf | Should -BeNullOrEmpty
        Get-LicenseTierGroup -Name LIC-M365-Tier3 | Remove-LicenseTierGroup -WhatIf | Should -BeNullOrEmpty
        Get-TenantState | Should -Be $before
    }

    It 'refuse a rank or a baseline that another tier has, and write nothing' {
        $before = Get-TenantState
        $err = { New-LicenseTierGroup -Name LIC-M365-Tier4 -Sku SPE_E3 -Rank 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.TierRankInUse*' -PassThru
        $err.Exception.Message | Should -Match 'LIC-M365-Tier2'
        $err = { New-LicenseTierGroup -Name LIC-M365-Tier4 -Sku SPE_E3 -Rank 4 -Baseline -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.BaselineAlreadyDefined*' -PassThru
        $err.Exception.Message | Should -Match 'LIC-M365-Tier1'
        Get-TenantState | Should -Be $before
    }

    It 'are read back by Get-LicenseTierGroup after a snapshot and a new connection' {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME 'tiers.json'
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        Disconnect-LicenseGovernance | Out-Null
        Connect-LicenseGovernance -Simulator -SnapshotPath $path | Out-Null
        $readBack = @(Get-LicenseTierGroup)
        $readBack.GroupId | Should -Be $created.GroupId
        Assert-Document000Tier $readBack
    }
}

Describe 'Changing a tier' {
    BeforeEach {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        $created = @(New-Document000Tier)
    }

    It 'shows the difference when New-LicenseTierGroup gets different arguments, and applies it' {
        $run = New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 -Description 'Knowledge workers' -Verbose 4>&1
        $asked = @($run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Performing the operation*' })
        $asked.Count | Should -Be 1
        $asked[0].Message | Should -BeLike "*Update tier group 'LIC-M365-Tier2'*YAMMER_ENTERPRISE*"
        $tier = $run | Where-Object { $_ -is [LicenseGovernance.LicenseTierGroup] }
        $tier.GroupId | Should -Be $created[1].GroupId
        $tier.Skus[0].DisabledPlans | Should -BeNullOrEmpty
    }

    It 'changes only what Set-LicenseTierGroup is given, and moves the baseline' {
        Set-LicenseTierGroup -Name LIC-M365-Tier1 -Baseline:$false | Out-Null
        Set-LicenseTierGroup -Name LIC-M365-Tier2 -Baseline -DisabledPlan @() | Out-Null
        $tiers = @(Get-LicenseTierGroup)
        $tiers.IsBaseline | Should -Be @($false, $true, $false)
        $tiers.TierRank | Should -Be @(1, 2, 3)
        $tiers[1].Skus[0].DisabledPlans | Should -BeNullOrEmpty
        $tiers[0].Description | Should -Be 'Baseline licence for every member'
        $tiers[2].Skus.SkuPartNumber | Sort-Object | Should -Be @('SPE_E5', 'VISIOCLIENT')
    }

    It 'binds piped tiers by GroupId' {
        $changed = @(Get-LicenseTierGroup -Name 'LIC-M365-Tier*' | Set-LicenseTierGroup -Description 'Licence tier')
        $changed.GroupId | Should -Be $created.GroupId
        $changed.Description | Should -Be @('Licence tier', 'Licence tier', 'Licence tier')
        (Set-LicenseTierGroup -Name $created[2].GroupId -Description 'Power users').DisplayName | Should -Be 'LIC-M365-Tier3'
    }

    It 'removes a tier only when confirmed, and writes the removal it applied' {
        $removed = Get-LicenseTierGroup -Name LIC-M365-Tier3 | Remove-LicenseTierGroup -Confirm:$false
        $removed | Should -BeOfType LicenseGovernance.TierGroupPlan
        $removed.Action | Should -Be 'Remove'
        $removed.GroupId | Should -Be $created[2].GroupId
        (Get-LicenseTierGroup).DisplayName | Should -Be @('LIC-M365-Tier1', 'LIC-M365-Tier2')
    }
}

Describe 'Nothing destroyed without -Force' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It 'keeps an existing dynamic group dynamic, with its rule and description, when it becomes a tier' {
        $tier = New-LicenseTierGroup -Name DYN-E3-All -Sku SPE_F1 -Rank 35
        $tier.MembershipType | Should -Be 'Dynamic'
        $tier.MembershipRule | Should -Be $E3AllRule
        $tier.Description | Should -Be 'Everyone tagged E3 All'
    }

    It 'refuses to take a SKU from members without -Force, counts who would lose it, and writes nothing' {
        New-LicenseTierGroup -Name LIC-M365-E5 -Sku SPE_E5 -Rank 3 -Force | Out-Null
        $before = Get-TenantState
        $err = { New-LicenseTierGroup -Name LIC-M365-E5 -Sku SPE_E3 -Rank 3 -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.TierChangeTakesLicenses*' -PassThru
        $err.Exception.Message | Should -Match 'SPE_E5: \d+ of \d+ member\(s\) holding it lose it'
        $err.Exception.Message | Should -Match '-Force'
        Get-TenantState | Should -Be $before
    }

    It 'refuses a rule on a tier that an access package hands out, naming the package' {
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline | Out-Null
        $package = New-TierAccessPackage -TierGroup LIC-M365-Tier1 -Approval None
        $err = { Set-LicenseTierGroup -Name LIC-M365-Tier1 -MembershipRule $E3AllRule -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.TierHandedOutByAccessPackage*' -PassThru
        $err.Exception.Message | Should -Match ([regex]::Escape("'$($package.Name)'"))
        (Get-LicenseTierGroup -Name LIC-M365-Tier1).MembershipType | Should -Be 'Static'
    }
}

Describe 'Bad input' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It '<Name> fails with <ErrorId> and writes nothing' -ForEach @(
        @{ Name = 'an unknown SKU'; ErrorId = 'LicenseGovernance.SkuNotFound'; Mentions = 'SPE_E5'
            Command = { New-LicenseTierGroup -Name LIC-M365-Bad -Sku SPE_E55 -ErrorAction Stop } }
        @{ Name = 'an unknown plan'; ErrorId = 'LicenseGovernance.ServicePlanNotFound'; Mentions = 'NOT_A_PLAN'
            Command = { New-LicenseTierGroup -Name LIC-M365-Bad -Sku SPE_E3 -EnabledPlan TEAMS1, NOT_A_PLAN -ErrorAction Stop } }
        @{ Name = 'a rule with a syntax error'; ErrorId = 'LicenseGovernance.MembershipRuleInvalid'; Mentions = 'position 17'
            Command = { New-LicenseTierGroup -Name LIC-M365-Bad -Sku SPE_E3 -MembershipRule 'user.department -equals "Sales"' -ErrorAction Stop } }
        @{ Name = 'the name of a group that holds another licence'; ErrorId = 'LicenseGovernance.GroupServesOtherPurpose'; Mentions = 'SPE_E5'
            Command = { New-LicenseTierGroup -Name LIC-M365-E5 -Sku SPE_E3 -ErrorAction Stop } }
        @{ Name = 'changing a group that is no tier'; ErrorId = 'LicenseGovernance.NotATierGroup'; Mentions = 'LIC-M365-E3'
            Command = { Set-LicenseTierGroup -Name LIC-M365-E3 -Description 'Not a tier' -ErrorAction Stop } }
        @{ Name = 'a group that does not exist'; ErrorId = 'LicenseGovernance.GroupNotFound'; Mentions = 'LIC-M365-Missing'
            Command = { Set-LicenseTierGroup -Name LIC-M365-Missing -Rank 4 -ErrorAction Stop } }
        @{ Name = 'removing a group that is no tier'; ErrorId = 'LicenseGovernance.NotATierGroup'; Mentions = 'LIC-M365-E3'
            Command = { Remove-LicenseTierGroup -Name LIC-M365-E3 -Confirm:$false -ErrorAction Stop } }
    ) {
        $before = Get-TenantState
        $err = $Command | Should -Throw -ErrorId "$ErrorId*" -PassThru
        $err.Exception.Message | Should -Match ([regex]::Escape($Mentions))
        Get-TenantState | Should -Be $before
    }

    It 'names the parameter sets that cannot be combined' {
        { New-LicenseTierGroup -Name X -Sku SPE_E3 -EnabledPlan TEAMS1 -DisabledPlan SWAY } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        { Get-GroupLicenseError -ErrorType Others } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Test-LicenseMembershipRule' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It 'previews who would join, with seats and cost, and writes nothing' {
        $before = Get-TenantState
        $e3 = Get-LicenseSku -Sku SPE_E3
        $preview = Test-LicenseMembershipRule -Rule $E3AllRule -Sku SPE_E3
        $preview.Rule | Should -Be $E3AllRule
        $preview.UsersEvaluated | Should -Be 300
        $preview.MatchCount | Should -BeGreaterThan 0
        $preview.Joining.Count | Should -Be $preview.MatchCount
        $preview.Leaving | Should -BeNullOrEmpty
        # The demo tenant tags the members of LIC-M365-E3 with "E3 All", and they hold E3 through that group already.
        $preview.SeatDemand | Should -Be 0
        $preview.SeatShortfall | Should -Be 0
        $preview.AvailableSeats | Should -Be $e3.AvailableUnits
        $preview.MonthlyCostChange | Should -Be 0
        Get-TenantState | Should -Be $before
    }

    It 'shows the seats to buy before the rule is saved' {
        $pbi = Get-LicenseSku -Sku POWER_BI_PRO
        $preview = Test-LicenseMembershipRule -Rule 'user.department -eq "Engineering"' -Sku POWER_BI_PRO
        $preview.SeatDemand | Should -BeGreaterThan $pbi.AvailableUnits
        $preview.AvailableSeats | Should -Be $pbi.AvailableUnits
        $preview.SeatShortfall | Should -Be ($preview.SeatDemand - $preview.AvailableSeats)
        if ($null -ne $pbi.MonthlyPrice) {
            $preview.MonthlyCostChange | Should -Be ($pbi.MonthlyPrice * $preview.SeatDemand)
            $preview.Currency | Should -Be $pbi.Currency
        }
    }

    It 'gives the position of the first error' {
        $before = Get-TenantState
        $err = { Test-LicenseMembershipRule -Rule 'user.department -equals "Sales"' -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.MembershipRuleInvalid*' -PassThru
        $err.Exception.Message | Should -Match 'position 17'
        Get-TenantState | Should -Be $before
    }

    It 'uses the SKU and the members of the tier it is meant for' {
        New-Document000Tier | Out-Null
        $preview = Test-LicenseMembershipRule -Rule $E3AllRule -Group LIC-M365-Tier2
        $preview.SkuPartNumber | Should -Be 'SPE_E3'
        $preview.Joining.Count | Should -Be $preview.MatchCount
        $preview.Leaving | Should -BeNullOrEmpty
        $preview.InOtherTier | Should -BeNullOrEmpty
    }
}

Describe 'Get-GroupLicenseError' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It 'agrees with its own summary' {
        $summary = Get-GroupLicenseError -Summary
        $summary | Should -BeOfType LicenseGovernance.GroupLicenseErrorSummary
        $entries = @(Get-GroupLicenseError)
        # The demo tenant licenses through LIC-M365-E3, LIC-M365-E5, LIC-M365-F3 and LIC-PowerBI-Pro.
        $summary.GroupsChecked | Should -BeGreaterOrEqual 4
        $summary.Errors | Should -Be ($summary.CountViolation + $summary.MutuallyExclusiveViolation + $summary.DependencyViolation +
            $summary.ProhibitedInUsageLocationViolation + $summary.UniquenessViolation + $summary.Other)
        $entries.Count | Should -Be $summary.Errors
        @($entries | Where-Object { -not $_.Remedy }) | Should -BeNullOrEmpty
        @(Get-GroupLicenseError -ErrorType CountViolation).Count | Should -Be $summary.CountViolation
    }

    It 'counts piped tiers in one summary' {
        New-Document000Tier | Out-Null
        $summary = @(Get-LicenseTierGroup | Get-GroupLicenseError -Summary)
        $summary.Count | Should -Be 1
        $summary[0].GroupsChecked | Should -Be 3
    }

    It 'checks nothing when nothing is piped' {
        @() | Get-GroupLicenseError -Summary | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-LicenseReprocess' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        $tier2 = New-Document000Tier | Where-Object TierRank -eq 2
        $upn = (Test-LicenseMembershipRule -Rule $E3AllRule).Joining[0]
    }

    It 'changes nothing under -WhatIf' {
        Invoke-LicenseReprocess -User $upn -WhatIf | Should -BeNullOrEmpty
    }

    It 'asks Graph to reprocess a user' {
        $result = Invoke-LicenseReprocess -User $upn
        $result.UserPrincipalName | Should -Be $upn
        $result.Outcome | Should -Be 'Requested'
    }

    It 'reprocesses the user of piped error rows, once, rather than their group' {
        $userId = (Invoke-LicenseReprocess -User $upn).UserId
        $row = [LicenseGovernance.GroupLicenseError]@{
            UserPrincipalName = $upn; UserId = $userId; GroupId = $tier2.GroupId; GroupName = 'LIC-M365-Tier2'; SkuPartNumber = 'SPE_E3'; ErrorType = 'CountViolation'
        }
        $results = @($row, $row | Invoke-LicenseReprocess -Wait -TimeoutSeconds 60)
        $results.Count | Should -Be 1
        $results[0].UserId | Should -Be $userId
        $results[0].Outcome | Should -Be 'Active'
        $results[0].RemainingErrors | Should -BeNullOrEmpty
    }

    It 'reports an unknown user and goes on with the others' {
        $results = @(Invoke-LicenseReprocess -User 'nobody@contoso.example', $upn -ErrorVariable err -ErrorAction SilentlyContinue)
        $err[0].FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.UserNotFound*'
        $results.Count | Should -Be 1
    }
}

Describe 'Tab completion' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It 'offers the tenant''s SKUs and their plans' {
        Get-Completion 'New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_' | Should -Be @('SPE_E3', 'SPE_E5', 'SPE_F1')
        Get-Completion 'New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -EnabledPlan SHARE' | Should -Be @('SHAREPOINTENTERPRISE', 'SHAREPOINTWAC')
    }

    It 'offers tier names' {
        New-Document000Tier | Out-Null
        Get-Completion 'Get-LicenseTierGroup -Name LIC-M365-T' | Should -Be @('LIC-M365-Tier1', 'LIC-M365-Tier2', 'LIC-M365-Tier3')
    }
}

Describe 'Without a connection' {
    BeforeAll { Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null }

    It '<Name> fails with NotConnected' -ForEach @(
        @{ Name = 'New-LicenseTierGroup'; Command = { New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -ErrorAction Stop } }
        @{ Name = 'Set-LicenseTierGroup'; Command = { Set-LicenseTierGroup -Name LIC-M365-Tier1 -Rank 1 -ErrorAction Stop } }
        @{ Name = 'Remove-LicenseTierGroup'; Command = { Remove-LicenseTierGroup -Name LIC-M365-Tier1 -Confirm:$false -ErrorAction Stop } }
        @{ Name = 'Get-LicenseTierGroup'; Command = { Get-LicenseTierGroup -ErrorAction Stop } }
        @{ Name = 'Test-LicenseMembershipRule'; Command = { Test-LicenseMembershipRule -Rule 'user.department -eq "Sales"' -ErrorAction Stop } }
        @{ Name = 'Get-GroupLicenseError'; Command = { Get-GroupLicenseError -ErrorAction Stop } }
        @{ Name = 'Invoke-LicenseReprocess'; Command = { Invoke-LicenseReprocess -User adele.vance@contoso.com -ErrorAction Stop } }
    ) {
        $Command | Should -Throw -ErrorId 'LicenseGovernance.NotConnected*'
    }
}
