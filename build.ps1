#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and packages LicenseGovernance.
.DESCRIPTION
    A thin wrapper over dotnet. Build assembles the ready-to-import module in out/LicenseGovernance (the module
    project fails when an expected file is missing). Test restores the pinned pwsh (dotnet tool restore) and runs the
    xunit suites, which include the Pester suite on a hosted PowerShell 7.6 and on the module installed from its
    Gallery package in that pwsh, both with Pester 5.7.1, then the Pester suite again on this PowerShell when Pester 5
    is installed in it. Package packs out/LicenseGovernance as a PowerShell Gallery package, out/LicenseGovernance.<version>.nupkg
    (Compress-PSResource, from PSResourceGet 1.1 or later, which ships with PowerShell 7.6).
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
            # The xunit run includes the Pester suite, hosted in PowerShell 7.6 with Pester 5 from its NuGet package
            # (tests/LicenseGovernance.PowerShell.Tests/PesterSuiteTests.cs), and against the installed Gallery package
            # in the pwsh of .config/dotnet-tools.json (InstalledModulePesterTests.cs), which the restore provides.
            Invoke-Dotnet tool restore
            Invoke-Dotnet test (Join-Path $root 'LicenseGovernance.sln') -c $Configuration
            # The suite is written for Pester 5, and the hosted run checks it on 5.7.1, not on 6.
            $pester = Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
            if (-not $pester) {
                Write-Warning ('Pester 5 is not installed in this PowerShell: the Pester suite (tests/*.Tests.ps1) ran only inside ' +
                    'dotnet test, on its hosted PowerShell 7.6. Install-Module Pester -RequiredVersion 5.7.1 to run it on this PowerShell too.')
            }
            else {
                # Again on this PowerShell, whose version may differ from the hosted one. A child process, so that the
                # module's assemblies never load into this build session.
                $tests = @(Get-ChildItem (Join-Path $root 'tests') -Filter '*.Tests.ps1' -File | ForEach-Object { "'$($_.FullName -replace "'", "''")'" }) -join ', '
                $script = "Import-Module Pester -RequiredVersion '$($pester.Version)'; `$c = New-PesterConfiguration; `$c.Run.Path = @($tests); " +
                    "`$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$c"
                # Under the PowerShell dotnet tool this process is dotnet itself, running pwsh.dll.
                $pwsh = (Get-Process -Id $PID).Path
                $pwshArgs = @()
                if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $pwshArgs = @(Join-Path $PSHOME 'pwsh.dll') }
                & $pwsh @pwshArgs -NoProfile -NonInteractive -Command $script
                if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed (exit code ${LASTEXITCODE}: the number of failed tests, or pwsh could not start)." }
            }
        }
        'Package' {
            if (-not (Test-Path (Join-Path $moduleOut 'LicenseGovernance.psd1'))) {
                Invoke-Dotnet build (Join-Path $root 'LicenseGovernance.sln') -c $Configuration
            }
            # The PowerShell Gallery package (a .nupkg) exactly as Publish-PSResource would pack it, so the same file
            # can be published to any repository with Publish-PSResource -NupkgPath.
            $version = (Import-PowerShellDataFile (Join-Path $moduleOut 'LicenseGovernance.psd1')).ModuleVersion
            $package = Join-Path $root "out/LicenseGovernance.$version.nupkg"
            Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue
            Compress-PSResource -Path $moduleOut -DestinationPath (Join-Path $root 'out')
            Write-Host "Packaged $package"
        }
    }
}
