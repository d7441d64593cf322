#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 14: New-TierLifecycleWorkflow (document 000's lifecycle workflows) through the built module in out/LicenseGovernance,
# on the embedded simulated tenant. The gap the workflows leave is measured in the engine tests (tests/LicenseGovernance.Tests/Lifecycle).

BeforeAll {
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-lcw-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force

    # The tenant's lifecycle workflows, as its snapshot holds them.
    function Get-WorkflowState {
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME "state-$([guid]::NewGuid().ToString('N')).json"
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        $tenant = Get-Content -Raw -Path $path | ConvertFrom-Json
        Remove-Item -Path $path
        ConvertTo-Json -InputObject @($tenant.lifecycle.workflows) -Depth 20 -Compress
    }
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
}

Describe 'Tier lifecycle workflows' {
    BeforeAll {
        Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier1 -Sku SPE_F1 -Rank 1 -Baseline | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
        New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier1 -Approval None | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier2 -WarningAction SilentlyContinue | Out-Null
        New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 -WarningAction SilentlyContinue | Out-Null
    }

    It 'shows the workflow bodies under -WhatIf and writes nothing' {
        $before = Get-WorkflowState
        $run = New-TierLifecycleWorkflow -WhatIf -Verbose 4>&1
        $verbose = @($run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -BeLike '*POST /identityGovernance/lifecycleWorkflows/workflows*'
        $verbose | Should -BeLike '*"category":"mover"*'
        @($run | Where-Object { $_ -is [LicenseGovernance.TierLifecycleWorkflow] }) | Should -BeNullOrEmpty
        Get-WorkflowState | Should -Be $before
    }

    It 'creates document 000''s workflows and says which gap remains' {
        $workflows = New-TierLifecycleWorkflow
        $workflows | Should -HaveCount 4
        $workflows.Result | Sort-Object -Unique | Should -Be 'Created'
        ($workflows | Where-Object Kind -eq 'RestoreBaseline').Trigger | Should -Be 'Removed from LIC-M365-Tier2 or LIC-M365-Tier3'
        ($workflows | Where-Object Trigger -eq 'Added to LIC-M365-Tier3').Tasks | Should -Be @('Remove access package assignment: LIC-M365-Tier1', 'Remove access package assignment: LIC-M365-Tier2')
        $workflows | ForEach-Object { $_.Gap | Should -BeLike '*Sync-LicenseTier*' }
    }

    It 'writes nothing when run again' {
        $before = Get-WorkflowState
        (New-TierLifecycleWorkflow).Result | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-WorkflowState | Should -Be $before
    }
}
