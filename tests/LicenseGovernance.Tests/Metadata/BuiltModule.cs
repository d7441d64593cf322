using LicenseGovernance.HelpGen;
using LicenseGovernance.HelpGen.Model;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// The assembled module under out/LicenseGovernance/, read once per test run. Tests check what ships, not the
/// source tree, so a file the build forgot to copy fails here too.
/// </summary>
public sealed class BuiltModule : IDisposable
{
    public BuiltModule()
    {
        RepoRoot = FindRepoRoot();
        Folder = Path.Combine(RepoRoot, "out", "LicenseGovernance");
        var cmdletAssembly = Path.Combine(Folder, "LicenseGovernance.dll");
        if (!File.Exists(cmdletAssembly))
        {
            throw new InvalidOperationException($"{cmdletAssembly} does not exist. Build src/LicenseGovernance.Module first (the test project's build does).");
        }

        Reader = new CmdletMetadataReader(cmdletAssembly);
        Cmdlets = Reader.ReadCmdlets();
    }

    public string RepoRoot { get; }
    public string Folder { get; }
    public CmdletMetadataReader Reader { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    private static string FindRepoRoot()
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

    public void Dispose() => Reader.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BuiltModuleCollection : ICollectionFixture<BuiltModule>
{
    public const string Name = "Built module";
}

public static class MetadataAssert
{
    /// <summary>Fails with every offender listed, so one run shows the whole fix list rather than the first item.</summary>
    public static void None(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, rule + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", list));
    }
}
