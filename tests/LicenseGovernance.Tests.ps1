#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# The platform's cmdlets on the embedded simulated tenant, through the built module in out/LicenseGovernance.
# The same scenarios run under xunit in tests/LicenseGovernance.PowerShell.Tests (a hosted PowerShell 7.6 engine).

BeforeAll {
    $script:previousHome = $env:LICENSEGOVERNANCE_HOME
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
    $env:LICENSEGOVERNANCE_HOME = $script:previousHome
}

Describe 'Module' {
    It 'exports exactly the cmdlets in the manifest' {
        $manifest = Import-PowerShellDataFile (Join-Path (Get-Module LicenseGovernance).ModuleBase 'LicenseGovernance.psd1')
        (Get-Command -Module LicenseGovernance).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'has help with an example for every cmdlet' {
        foreach ($command in Get-Command -Module LicenseGovernance) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $command.Name
            # Without the MAML file Get-Help still makes a synopsis (the syntax), but never a description.
            $help.description | Should -Not -BeNullOrEmpty -Because $command.Name
            $help.examples.example | Should -Not -BeNullOrEmpty -Because $command.Name
        }
    }
}

Describe 'Connect-LicenseGovernance' {
    It 'connects to the simulated tenant' {
        $context = Connect-LicenseGovernance -Simulator -UserCount 300
        $context.IsSimulator | Should -BeTrue
        (Get-LicenseGovernanceContext).TenantId | Should -Be $context.TenantId
    }

    It 'refuses plain http to a non-loopback endpoint' {
        $token = ConvertTo-SecureString 'abc' -AsPlainText -Force
        { Connect-LicenseGovernance -AccessToken $token -GraphEndpoint 'http://graph.example.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.InvalidGraphEndpoint*'
    }
}

Describe 'Get-LicenseSku' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

    It 'lists SKUs with friendly names, seats and list prices' {
        $e5 = Get-LicenseSku -Sku SPE_E5
        $e5.ProductName | Should -Be 'Microsoft 365 E5'
        $e5.AvailableUnits | Should -Be ([math]::Max(0, $e5.EnabledUnits - $e5.ConsumedUnits))
        $e5.Currency | Should -Be 'USD'
        $e5.PriceSource | Should -Be 'BuiltIn'
        $e5.MonthlyPrice | Should -BeGreaterThan 0
    }

    It 'names the closest SKUs for a typo' {
        Get-LicenseSku -Sku SPE_E55 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.SkuNotFound*'
        $err[0].Exception.Message | Should -Match 'SPE_E5'
    }

    It 'logs each Graph request under -Verbose without the token' {
        $verbose = Get-LicenseSku -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'GET .*/subscribedSkus'
        ($verbose.Message -join "`n") | Should -Not -Match 'Bearer|eyJ'
    }
}

Describe 'Set-LicensePrice' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 100 | Out-Null }

    It 'changes nothing under -WhatIf' {
        Set-LicensePrice -Sku SPE_E3 -MonthlyPrice 30 -Currency EUR -WhatIf
        # The engine may have read its settings folder before this file set it, so ask the module, not the file system.
        (Get-LicenseSku -Sku SPE_E3).PriceSource | Should -Be 'BuiltIn'
        Join-Path $env:LICENSEGOVERNANCE_HOME 'prices.json' | Should -Not -Exist
    }

    It 'overrides the list price' {
        Set-LicensePrice -Sku SPE_E3 -MonthlyPrice 30 -Currency EUR | Out-Null
        (Get-LicenseSku -Sku SPE_E3).MonthlyPrice | Should -Be 30
        (Get-LicenseSku -Sku SPE_E3).PriceSource | Should -Be 'User'
    }

    It 'accepts prices piped from a CSV, and refuses a negative one before asking, under -WhatIf too' {
        { Set-LicensePrice -Sku SPE_E5 -MonthlyPrice -5 -Currency USD -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.PriceInvalid*'
        'Sku,MonthlyPrice,Currency', 'SPE_E5,-5,USD', 'POWER_BI_PRO,12.5,EUR' | ConvertFrom-Csv |
            Set-LicensePrice -ErrorVariable refused -ErrorAction SilentlyContinue | Out-Null
        $refused.FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.PriceInvalid*'
        $refused.ErrorDetails.RecommendedAction | Should -BeLike '*0 or more*'
        (Get-LicenseSku -Sku SPE_E5).PriceSource | Should -Be 'BuiltIn'
        (Get-LicensePrice -Sku POWER_BI_PRO | Where-Object Source -eq 'User').MonthlyPrice | Should -Be 12.5
    }
}

Describe 'Save-LicenseGovernanceSnapshot' {
    It 'round-trips the simulated tenant' {
        Connect-LicenseGovernance -Simulator -UserCount 150 -Seed 7 | Out-Null
        $before = Get-LicenseSku | Sort-Object SkuPartNumber | ForEach-Object { "$($_.SkuPartNumber)=$($_.ConsumedUnits)" }
        $path = Join-Path $env:LICENSEGOVERNANCE_HOME 'tenant.json'
        Save-LicenseGovernanceSnapshot -Path $path -WhatIf
        $path | Should -Not -Exist
        Save-LicenseGovernanceSnapshot -Path $path | Out-Null
        Connect-LicenseGovernance -Simulator -SnapshotPath $path | Out-Null
        Get-LicenseSku | Sort-Object SkuPartNumber | ForEach-Object { "$($_.SkuPartNumber)=$($_.ConsumedUnits)" } | Should -Be $before
    }
}

Describe 'Test-LicenseGovernancePermission' {
    It 'shows every capability granted on the simulator' {
        Connect-LicenseGovernance -Simulator -UserCount 100 | Out-Null
        $rows = Test-LicenseGovernancePermission
        $rows | Should -Not -BeNullOrEmpty
        $rows | Where-Object { -not $_.Granted } | Should -BeNullOrEmpty
    }
}

Describe 'Import-LicenseCatalog' {
    It 'reads Microsoft''s licensing CSV' -Skip:(-not (Test-Path (Join-Path $PSScriptRoot '../../shared/data/product-names-and-service-plan-identifiers.csv'))) {
        $result = Import-LicenseCatalog -Path (Join-Path $PSScriptRoot '../../shared/data/product-names-and-service-plan-identifiers.csv')
        $result.RowCount | Should -BeGreaterThan 3000
        $result.Scope | Should -Be 'Session'
    }
}
