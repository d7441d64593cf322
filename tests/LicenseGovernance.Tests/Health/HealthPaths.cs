namespace LicenseGovernance.Tests.Health;

/// <summary>The repository root (the folder holding LicenseGovernance.sln) and a scratch folder per test.</summary>
internal static class HealthPaths
{
    public static readonly string RepoRoot = Find();

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lg-health-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LicenseGovernance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds LicenseGovernance.sln.");
    }
}
