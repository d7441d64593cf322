namespace LicenseGovernance.PowerShell.Tests;

/// <summary>Finds the repository and the built module from wherever the test host runs.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Module => Path.Combine(Root, "out", "LicenseGovernance");

    public static string Manifest => Path.Combine(Module, "LicenseGovernance.psd1");

    public static string Dependencies => Path.Combine(Module, "Dependencies");

    /// <summary>Defines New-TestAccessToken (an unsigned Entra-shaped Graph token), shared with the Pester files.</summary>
    public static string TestAccessTokenScript => Path.Combine(Root, "tests", "TestAccessToken.ps1");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LicenseGovernance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find LicenseGovernance.sln above " + AppContext.BaseDirectory);
    }
}
