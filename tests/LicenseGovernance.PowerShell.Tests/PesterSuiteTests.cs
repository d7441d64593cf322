using Xunit.Abstractions;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>The Pester suite against the built folder out/LicenseGovernance, in a hosted PowerShell 7.6 in a child process.</summary>
public sealed class PesterSuiteTests : PesterSuiteCases
{
    public PesterSuiteTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override PesterRun Run => PesterSuite.Run.Value;
}
