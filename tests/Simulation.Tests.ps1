#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# Issue 14's rehearsal controls through the built module in out/LicenseGovernance, on the embedded simulated tenant.

BeforeAll {
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-sim-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    Import-Module (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1') -Force
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
}

Describe 'The simulated clock' {
    BeforeAll { Connect-LicenseGovernance -Simulator -UserCount 300 | Out-Null }

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

Describe 'On a real tenant' {
    BeforeAll {
        $token = ConvertTo-SecureString 'token' -AsPlainText -Force
        Connect-LicenseGovernance -AccessToken $token -GraphEndpoint 'http://127.0.0.1:9/v1.0' -WarningAction SilentlyContinue | Out-Null
    }

    It '<Command> is refused' -ForEach @(
        @{ Command = { Get-LicenseSimulatorTime } }
        @{ Command = { Set-LicenseSimulatorTime -Advance 1.00:00:00 } }
    ) {
        { & $Command -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.SimulatorRequired*'
    }
}
