using LicenseGovernance.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Metadata
{
    /// <summary>
    /// The engine's dependency rule (docs/ARCHITECTURE.md): a capability uses only Kernel, Graph and Journal; the foundation
    /// never uses a capability. Read from the compiled engine, so a reference hidden in a lambda or an async method counts.
    /// </summary>
    public sealed class EngineLayerTests
    {
        [Fact]
        public void CapabilitiesUseOnlyTheFoundation_AndTheFoundationUsesNoCapability()
        {
            var edges = EngineLayers.FolderReferences(typeof(GovernanceEngine).Assembly.Location, "LicenseGovernance.Engine");

            Assert.Contains(edges.Keys, e => e.From == "Waste" && e.To == "Kernel");
            MetadataAssert.None(EngineLayers.Violations(edges), "References that break the engine's layering (move what two capabilities share into Kernel):");
            MetadataAssert.None(EngineLayers.Cycles(edges), "Engine folders that depend on each other in a cycle:");
        }

        /// <summary>A using of another capability's namespace names nothing yet, but it is where the next breach starts.</summary>
        [Fact]
        public void NoEngineFileImportsAnotherCapabilitysNamespace()
        {
            var engine = Path.Combine(Tests.Health.HealthPaths.RepoRoot, "src", "LicenseGovernance.Engine");
            var offenders = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .Select(f => (Folder: Path.GetRelativePath(engine, f).Split(Path.DirectorySeparatorChar) is { Length: > 1 } parts ? parts[0] : EngineLayers.Root, File: f))
                .Where(f => f.Folder != EngineLayers.Root)
                .SelectMany(f => File.ReadLines(f.File)
                    .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^using (static )?LicenseGovernance\.Engine\.(\w+)"))
                    .Where(m => m.Success && m.Groups[2].Value != f.Folder && !EngineLayers.Foundation.Contains(m.Groups[2].Value))
                    .Select(m => Path.GetRelativePath(engine, f.File) + ": " + m.Value));

            MetadataAssert.None(offenders, "Engine files importing another capability's namespace:");
        }

        [Fact]
        public void PlantedCapabilityToCapabilityReferences_AFoundationToCapabilityOne_AndTheirCycle_AreCaught()
        {
            var edges = EngineLayers.FolderReferences(typeof(EngineLayerTests).Assembly.Location, "LicenseGovernance.Tests.Metadata.Planted");

            var violations = EngineLayers.Violations(edges);

            Assert.Equal(3, violations.Count);
            Assert.StartsWith("Health -> Waste (capability uses another capability): Scorer -> Scanner", violations[0]);
            Assert.StartsWith("Kernel -> Tiers (foundation uses a capability): Reader -> Planner", violations[1]);
            Assert.StartsWith("Waste -> Health (capability uses another capability): Scanner -> Scorer", violations[2]);
            Assert.Equal(new[] { "Foundation <-> Tiers", "Health <-> Waste" }, EngineLayers.Cycles(edges));
        }
    }
}

// A miniature engine with two planted breaches: Health calls into Waste from inside an async lambda (and Waste back
// into Health, a cycle), and Kernel names a Tiers type. Only the test above reads these types.
namespace LicenseGovernance.Tests.Metadata.Planted.Kernel
{
    internal static class Reader
    {
        public static int Count(object planner) => planner is Tiers.Planner ? 1 : 0;
    }
}

namespace LicenseGovernance.Tests.Metadata.Planted.Tiers
{
    internal sealed class Planner
    {
        public int Users => Kernel.Reader.Count(this);
    }
}

namespace LicenseGovernance.Tests.Metadata.Planted.Waste
{
    internal static class Scanner
    {
        public static Task<int> ScanAsync() => Task.FromResult(Kernel.Reader.Count(new object()));

        public static System.Type Scorer() => typeof(Health.Scorer);
    }
}

namespace LicenseGovernance.Tests.Metadata.Planted.Health
{
    internal static class Scorer
    {
        public static Func<Task<int>> Score() => async () => await Waste.Scanner.ScanAsync().ConfigureAwait(false) + 1;
    }
}
