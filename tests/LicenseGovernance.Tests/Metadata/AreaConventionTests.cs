using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// The per-area convention (docs/ARCHITECTURE.md, where a new capability goes): every cmdlet folder has its engine entry
/// file, its engine interface part, its error ids and factories, its output folder and its test folder, under its own
/// name. The connection lives in the base files, not in files of its own.
/// </summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class AreaConventionTests
{
    private static readonly string[] BaseAreas = { "Connection", "Hosting" };

    private readonly string _root;

    public AreaConventionTests(BuiltModule module)
    {
        _root = module.RepoRoot;
    }

    [Fact]
    public void EveryCmdletAreaHasItsEngineContractsAndTestFiles()
    {
        var areas = Directory.GetDirectories(Path.Combine(_root, "src", "LicenseGovernance"))
            .Select(d => Path.GetFileName(d)!)
            .Where(a => !BaseAreas.Contains(a) && a != "bin" && a != "obj")
            .ToList();

        Assert.Contains("Tiers", areas);
        MetadataAssert.None(areas.SelectMany(Missing), "Areas missing a file or folder of the convention:");
    }

    private IEnumerable<string> Missing(string area)
    {
        var files = new[]
        {
            Path.Combine("src", "LicenseGovernance.Engine", "GovernanceEngine." + area + ".cs"),
            Path.Combine("src", "LicenseGovernance.Contracts", "Hosting", "ILicenseGovernanceEngine." + area + ".cs"),
            Path.Combine("src", "LicenseGovernance.Contracts", "Errors", "ErrorIds." + area + ".cs"),
            Path.Combine("src", "LicenseGovernance.Contracts", "Errors", "Errors." + area + ".cs"),
        };
        var folders = new[]
        {
            Path.Combine("src", "LicenseGovernance.Contracts", "Output", area),
            Path.Combine("tests", "LicenseGovernance.Tests", area),
        };
        return files.Where(f => !File.Exists(Path.Combine(_root, f)))
            .Concat(folders.Where(f => !Directory.Exists(Path.Combine(_root, f))))
            .Select(f => area + ": " + f);
    }
}
