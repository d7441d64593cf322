using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>The shipped LicenseGovernance.psd1 against the assembly and the module's isolation rules.</summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class ManifestTests
{
    private readonly BuiltModule module;
    private readonly Dictionary<string, object?> manifest;

    public ManifestTests(BuiltModule module)
    {
        this.module = module;
        manifest = PowerShellDataFile.Parse(File.ReadAllText(module.PathOf("LicenseGovernance.psd1")));
    }

    [Fact]
    public void Every_command_the_permission_catalogue_names_is_exported()
    {
        // Test-LicenseGovernancePermission tells an administrator which commands need each permission; a name there that the
        // module does not export sends them looking for a command that does not exist.
        var exported = new HashSet<string>(Strings("CmdletsToExport"), StringComparer.OrdinalIgnoreCase);
        MetadataAssert.None(
            LicenseGovernance.Engine.Graph.CapabilityCatalog.All
                .SelectMany(c => c.Commands.Where(n => !exported.Contains(n)).Select(n => $"{n} (named by capability {c.Key}, not exported)")),
            "The permission catalogue names commands the module does not export:");
    }

    [Fact]
    public void CmdletsToExport_is_exactly_the_assemblys_cmdlets()
    {
        var exported = Strings("CmdletsToExport");
        var actual = module.Cmdlets.Select(c => c.Name).ToList();
        MetadataAssert.None(
            actual.Except(exported, StringComparer.OrdinalIgnoreCase).Select(n => n + " (in the assembly, not exported)")
                .Concat(exported.Except(actual, StringComparer.OrdinalIgnoreCase).Select(n => n + " (exported, not in the assembly)"))
                .Concat(exported.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key + " (exported twice)")),
            "CmdletsToExport differs from the cmdlets in LicenseGovernance.dll:");
    }

    [Fact]
    public void RootModule_is_the_cmdlet_assembly() => Assert.Equal("LicenseGovernance.dll", manifest.GetValueOrDefault("RootModule"));

    [Fact]
    public void PowerShellVersion_is_5_1() => Assert.Equal("5.1", manifest.GetValueOrDefault("PowerShellVersion"));

    [Fact]
    public void CompatiblePSEditions_are_Desktop_and_Core() =>
        Assert.Equal(new[] { "Core", "Desktop" }, Strings("CompatiblePSEditions").Order(StringComparer.Ordinal));

    [Fact]
    public void FormatsToProcess_includes_the_format_file() =>
        Assert.Contains("LicenseGovernance.format.ps1xml", Strings("FormatsToProcess"), StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("RequiredAssemblies")]
    [InlineData("NestedModules")]
    public void Nothing_loads_before_the_cmdlet_assembly(string key) => Assert.True(
        Strings(key).Count == 0,
        $"{key} = {string.Join(", ", Strings(key))}: it would load assemblies into PowerShell's shared context before the module can isolate them.");

    /// <summary>A string or an array of strings; an absent key is an empty list.</summary>
    private List<string> Strings(string key) => manifest.GetValueOrDefault(key) switch
    {
        null => new List<string>(),
        string s => new List<string> { s },
        List<object?> items => items.Select(i => i as string ?? throw new FormatException($"{key} holds a non-string item '{i}'.")).ToList(),
        var other => throw new FormatException($"{key} is a {other.GetType().Name}, not a string or an array of strings."),
    };
}
