using System.Collections;
using System.Text.Json;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The release path in real pwsh, the PowerShell dotnet tool pinned in .config/dotnet-tools.json: build.ps1 packs the
/// module as a PowerShell Gallery package, Publish-PSResource puts it in a local file repository, Install-PSResource
/// installs it for the current user of a scratch home, and the Pester suite runs against the module imported by name.
/// </summary>
internal static class InstalledModuleSuite
{
    public const string Repository = "LicenseGovernanceLocal";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static Lazy<InstalledRun> Run { get; } = new(Invoke);

    private static InstalledRun Invoke()
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"lg-installed-{Guid.NewGuid():N}");
        var home = Path.Combine(scratch, "home");
        var script = Path.Combine(scratch, "run.ps1");
        var resultFile = Path.Combine(scratch, "result.json");
        Directory.CreateDirectory(home);
        try
        {
            File.WriteAllText(script, Script(scratch, home, resultFile));
            var arguments = new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script };
            var (exitCode, output, errors) = ChildProcess.Run(ChildProcess.Dotnet, arguments, Timeout, "The Pester suite in pwsh");
            if (exitCode != 0 || !File.Exists(resultFile))
            {
                throw new InvalidOperationException(
                    $"pwsh exited with code {exitCode} before the Pester suite reported (run 'dotnet tool restore' if pwsh is missing):\n{errors}\n{output}");
            }

            return Read(resultFile, home, output);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // PSResourceGet keeps its repository list under the user's data folder and installs CurrentUser modules under HOME:
    // both move into the scratch folder, so the run leaves this machine's user alone. The folders must exist: .NET
    // answers an empty path for a missing user folder, and NuGet's settings would land in the working folder. pwsh
    // fixed PSModulePath when it started, so the CurrentUser folder of the scratch home is put on it, as a fresh
    // session there would have it.
    private static string Script(string scratch, string home, string resultFile) => $$"""
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        $PSStyle.OutputRendering = 'PlainText'
        $env:HOME = {{PesterHost.Quote(home)}}
        $env:XDG_DATA_HOME = Join-Path $env:HOME '.local/share'
        $env:XDG_CONFIG_HOME = Join-Path $env:HOME '.config'
        New-Item -ItemType Directory -Force -Path $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME | Out-Null

        & {{PesterHost.Quote(Path.Combine(RepositoryPaths.Root, "build.ps1"))}} -Task Package | Out-Host
        $version = (Import-PowerShellDataFile {{PesterHost.Quote(RepositoryPaths.Manifest)}}).ModuleVersion
        $package = Join-Path {{PesterHost.Quote(Path.Combine(RepositoryPaths.Root, "out"))}} "LicenseGovernance.$version.nupkg"
        $repository = New-Item -ItemType Directory -Path {{PesterHost.Quote(Path.Combine(scratch, "repository"))}}
        Register-PSResourceRepository -Name {{Repository}} -Uri $repository.FullName -Trusted
        Publish-PSResource -NupkgPath $package -Repository {{Repository}}
        $installed = Install-PSResource -Name LicenseGovernance -Version $version -Repository {{Repository}} -Scope CurrentUser -PassThru -Quiet
        $env:PSModulePath = @($installed.InstalledLocation, $env:PSModulePath) -join [IO.Path]::PathSeparator
        Import-Module LicenseGovernance
        $imported = (Get-Module LicenseGovernance).ModuleBase
        Remove-Module LicenseGovernance

        Import-Module {{PesterHost.Quote(PesterHost.PesterManifest)}}
        $env:LICENSEGOVERNANCE_TEST_MODULE = 'LicenseGovernance'
        $rows = @(& {
        {{PesterHost.Script(PesterSuite.Files(), skipRun: false)}}
        } | Where-Object { $_ -is [hashtable] })
        ConvertTo-Json -Depth 4 -InputObject @{ Imported = $imported; Rows = $rows } | Set-Content -LiteralPath {{PesterHost.Quote(resultFile)}}
        """;

    private static InstalledRun Read(string resultFile, string home, string output)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(resultFile));
        var rows = json.RootElement.GetProperty("Rows").EnumerateArray().Select(ToHashtable).ToList();
        var imported = json.RootElement.GetProperty("Imported").GetString()!;
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return new InstalledRun(PesterHost.ToRun(rows, lines), imported, home);
    }

    private static Hashtable ToHashtable(JsonElement row)
    {
        var table = new Hashtable();
        foreach (var property in row.EnumerateObject())
        {
            table[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetInt64(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        return table;
    }
}

/// <summary>The Pester run against the installed module, and the folder Import-Module LicenseGovernance loaded it from.</summary>
internal sealed record InstalledRun(PesterRun Pester, string ImportedFrom, string Home);
