using System.Runtime.CompilerServices;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>Points the module's settings (prices, catalogue) at a throwaway folder before anything loads the engine.</summary>
internal static class TestSettings
{
    public static string Home { get; } = Path.Combine(Path.GetTempPath(), "lg-pstests-" + Guid.NewGuid().ToString("N"));

    [ModuleInitializer]
    internal static void Initialize()
    {
        Directory.CreateDirectory(Home);
        Environment.SetEnvironmentVariable("LICENSEGOVERNANCE_HOME", Home);
    }
}
