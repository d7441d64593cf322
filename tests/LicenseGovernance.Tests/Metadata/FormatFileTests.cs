using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// LicenseGovernance.format.ps1xml against the shipped types. PowerShell ignores a view whose type or column property
/// does not exist (blank columns, no error), so only a test notices.
/// </summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class FormatFileTests
{
    private readonly BuiltModule module;
    private readonly List<(string View, string TypeName, List<string> Properties)> views;
    private readonly IReadOnlyDictionary<string, Type> moduleTypes;

    public FormatFileTests(BuiltModule module)
    {
        this.module = module;
        var document = XDocument.Load(module.PathOf("LicenseGovernance.format.ps1xml"));
        views = document.Descendants("View").Select(v => (
            v.Element("Name")?.Value.Trim() ?? "(unnamed)",
            v.Element("ViewSelectedBy")?.Element("TypeName")?.Value.Trim() ?? "",
            // Columns and list items that show a script block name no property and are not checked.
            v.Descendants("PropertyName").Select(p => p.Value.Trim()).ToList())).ToList();
        moduleTypes = new[] { module.Reader.CmdletAssembly, module.Reader.Load("LicenseGovernance.Contracts") }
            .SelectMany(a => a.GetExportedTypes())
            .ToDictionary(t => t.FullName!, StringComparer.Ordinal);
    }

    [Fact]
    public void The_format_file_has_views() => Assert.NotEmpty(views);

    [Fact]
    public void Every_view_selects_a_public_module_type() => MetadataAssert.None(
        views.Where(v => !moduleTypes.ContainsKey(v.TypeName)).Select(v => $"view {v.View}: '{v.TypeName}'"),
        "Views whose TypeName is no public type in LicenseGovernance.dll or LicenseGovernance.Contracts.dll:");

    [Fact]
    public void Every_column_property_exists() => MetadataAssert.None(
        views.Where(v => moduleTypes.ContainsKey(v.TypeName)).SelectMany(v => v.Properties
            .Where(p => moduleTypes[v.TypeName].GetProperty(p, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) == null)
            .Select(p => $"view {v.View}: {v.TypeName} has no property '{p}'")),
        "Format columns that name properties their type does not have:");

    [Fact]
    public void Every_module_output_type_has_a_view() => MetadataAssert.None(
        module.Cmdlets.SelectMany(c => c.OutputTypes.Where(moduleTypes.ContainsKey).Select(t => (Cmdlet: c.Name, Type: t)))
            .Where(o => views.All(v => v.TypeName != o.Type))
            .Select(o => $"{o.Type} (output of {o.Cmdlet})"),
        "[OutputType] types of this module without a view in LicenseGovernance.format.ps1xml:");
}
