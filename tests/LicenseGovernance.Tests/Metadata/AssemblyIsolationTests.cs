using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// Only these assemblies load into PowerShell's shared context. If one of them referenced Graph, Azure, MSAL, Kiota or
/// System.Text.Json, the runtime would bind that dependency there and clash with the versions other modules load.
/// </summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class AssemblyIsolationTests
{
    private static readonly string[] DefaultContextAssemblies = { "LicenseGovernance.dll", "LicenseGovernance.Contracts.dll", "LicenseGovernance.Loader.dll" };
    private static readonly string[] ForbiddenPrefixes = { "Azure.", "Microsoft.Graph", "Microsoft.Identity", "Microsoft.Kiota" };
    private const string ForbiddenJson = "System.Text.Json";

    private readonly BuiltModule module;

    public AssemblyIsolationTests(BuiltModule module) => this.module = module;

    public static TheoryData<string> Assemblies => new(DefaultContextAssemblies);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Default_context_assembly_references_no_isolated_dependency(string fileName)
    {
        var path = module.PathOf(fileName);
        Assert.True(File.Exists(path), $"{path} is missing from the module folder.");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name));
        MetadataAssert.None(
            references.Where(r => r == ForbiddenJson || ForbiddenPrefixes.Any(p => r.StartsWith(p, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal),
            $"{fileName} references assemblies that must load only from Dependencies/:");
    }

    [Fact]
    public void The_module_root_holds_only_the_default_context_assemblies() => MetadataAssert.None(
        Directory.GetFiles(module.Folder, "*.dll").Select(Path.GetFileName).Where(f => !DefaultContextAssemblies.Contains(f)).Select(f => f!),
        "Assemblies at the module root, where PowerShell would load them into the shared context (they belong under Dependencies/):");
}
