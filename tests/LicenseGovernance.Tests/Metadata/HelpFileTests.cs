using System.Xml.Linq;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>The shipped MAML file against the cmdlets: what Get-Help will find, independent of how it was generated.</summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class HelpFileTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly BuiltModule module;
    private readonly IReadOnlyDictionary<string, XElement> entries;

    public HelpFileTests(BuiltModule module)
    {
        this.module = module;
        var path = module.PathOf(Path.Combine("en-US", "LicenseGovernance.dll-Help.xml"));
        Assert.True(File.Exists(path), $"{path} is missing; Get-Help would show only the syntax.");
        var document = XDocument.Load(path);
        Assert.Equal("helpItems", document.Root!.Name.LocalName);
        Assert.Equal("maml", (string?)document.Root.Attribute("schema"));
        entries = document.Root.Elements(Command + "command")
            .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_cmdlet_has_a_help_entry() => MetadataAssert.None(
        module.Cmdlets.Where(c => !entries.ContainsKey(c.Name)).Select(c => c.Name),
        "Cmdlets without an entry in LicenseGovernance.dll-Help.xml:");

    [Fact]
    public void Every_help_entry_is_a_cmdlet() => MetadataAssert.None(
        entries.Keys.Where(name => module.Cmdlets.All(c => !string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))),
        "Help entries for commands the assembly does not have:");

    [Fact]
    public void Every_entry_has_a_synopsis() => MetadataAssert.None(
        entries.Where(e => Text(e.Value.Element(Command + "details")?.Element(Maml + "description")).Length == 0).Select(e => e.Key),
        "Help entries with an empty synopsis:");

    [Fact]
    public void Every_parameter_is_documented()
    {
        var offenders = new List<string>();
        foreach (var cmdlet in module.Cmdlets.Where(c => entries.ContainsKey(c.Name)))
        {
            var documented = entries[cmdlet.Name].Element(Command + "parameters")?.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value.Trim(), p => Text(p.Element(Maml + "Description")), StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>();
            offenders.AddRange(cmdlet.Parameters
                .Where(p => !documented.TryGetValue(p.Name, out var text) || text.Length == 0)
                .Select(p => $"{cmdlet.Name} -{p.Name}"));
            offenders.AddRange(documented.Keys
                .Where(name => cmdlet.Parameters.All(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                .Select(name => $"{cmdlet.Name} -{name} (documented, but the cmdlet has no such parameter)"));
        }

        MetadataAssert.None(offenders, "Parameters missing from the help, or with no description:");
    }

    [Fact]
    public void Every_entry_has_an_example_with_code() => MetadataAssert.None(
        entries.Where(e => !(e.Value.Element(Command + "examples")?.Elements(Command + "example") ?? Enumerable.Empty<XElement>())
                .Any(x => (x.Element(Dev + "code")?.Value.Trim().Length ?? 0) > 0))
            .Select(e => e.Key),
        "Help entries without an example that has code:");

    private static string Text(XElement? element) => element?.Value.Trim() ?? "";
}
