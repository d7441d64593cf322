using Xunit;
using Xunit.Abstractions;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The Pester suite against the module as an administrator gets it: packed, published to a local repository,
/// installed with Install-PSResource and imported by name in real pwsh 7.6.10 (see <see cref="InstalledModuleSuite"/>).
/// </summary>
public sealed class InstalledModulePesterTests : PesterSuiteCases
{
    public InstalledModulePesterTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override PesterRun Run => InstalledModuleSuite.Run.Value.Pester;

    [Fact]
    public void TheSuiteRanInRealPwshOnTheModuleInstalledFromThePackage()
    {
        var run = InstalledModuleSuite.Run.Value;
        var installed = Path.Combine(run.Home, ".local", "share", "powershell", "Modules", "LicenseGovernance", ManifestVersion());

        Assert.Equal("7.6.10", run.Pester.PowerShellVersion);
        Assert.Equal(installed, run.ImportedFrom);
    }

    private static string ManifestVersion()
    {
        var line = File.ReadLines(Path.Combine(RepositoryPaths.Root, "LicenseGovernance.psd1")).First(l => l.TrimStart().StartsWith("ModuleVersion"));
        return line.Split('\'')[1];
    }
}
