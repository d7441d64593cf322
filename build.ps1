#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and packages LicenseGovernance.
.DESCRIPTION
    A thin wrapper over dotnet. Build assembles the ready-to-import module in out/LicenseGovernance (the module
    project fails when an expected file is missing). Test runs the xunit suites, then the Pester suite when Pester 5
    is available. Package zips out/LicenseGovernance.
.EXAMPLE
    ./build.ps1 -Task Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/LicenseGovernance'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($step in $Task) {
    switch ($step) {
        'Clean' {
            Invoke-Dotnet clean (Join-Path $root 'LicenseGovernance.sln') -c $Configuration
            Remove-Item -Recurse -Force (Join-Path $root 'out') -ErrorAction SilentlyContinue
        }
        'Build' {
            Invoke-Dotnet build (Join-Path $root 'LicenseGovernance.sln') -c $Configuration
        }
        'Test' {
            Invoke-Dotnet test (Join-Path $root 'LicenseGovernance.sln') -c $Configuration
            $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
            if (-not $pester) {
                Write-Warning 'Pester 5 is not installed: the Pester suite (tests/*.Tests.ps1) was skipped. Install-Module Pester -MinimumVersion 5.0 to run it.'
            }
            else {
                # A child process, so that the module's assemblies never load into this build session.
                $tests = Join-Path $root 'tests'
                $script = "Import-Module Pester -MinimumVersion 5.0; `$c = New-PesterConfiguration; `$c.Run.Path = '$tests'; " +
                    "`$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$c"
                & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $script
                if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed ($LASTEXITCODE failed test(s))." }
            }
        }
        'Package' {
            if (-not (Test-Path (Join-Path $moduleOut 'LicenseGovernance.psd1'))) {
                Invoke-Dotnet build (Join-Path $root 'LicenseGovernance.sln') -c $Configuration
            }
            $version = (Import-PowerShellDataFile (Join-Path $root 'LicenseGovernance.psd1')).ModuleVersion
            $zip = Join-Path $root "out/LicenseGovernance-$version.zip"
            Compress-Archive -Path $moduleOut -DestinationPath $zip -Force
            Write-Host "Packaged $zip"
        }
    }
}
