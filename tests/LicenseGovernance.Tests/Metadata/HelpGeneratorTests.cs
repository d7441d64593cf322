using System.Text;
using System.Xml.Linq;
using LicenseGovernance.HelpGen;
using LicenseGovernance.HelpGen.Model;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>The generator's own rules, on hand-made input, so each failure the build relies on is proven to fire.</summary>
public sealed class HelpGeneratorTests
{
    private const string ValidSource = """
        # Set-LicenseThing
        ## SYNOPSIS
        Sets a thing.
        ## DESCRIPTION
        First paragraph,
        wrapped.

        - A list item.
        ## PARAMETERS
        ### -Sku
        The SKU.
        ### -All
        Every SKU.
        ### -Name
        A name.
        ## OUTPUTS
        ### LicenseGovernance.LicenseSku
        The changed SKU.
        ## EXAMPLES
        ### Example 1: Set it
        ```powershell
        # a comment, not a heading
        Set-LicenseThing -Sku SPE_E5
        ```
        Sets it.
        ## RELATED LINKS
        - about_LicenseGovernance
        - [Docs](https://example.invalid/docs)
        """;

    [Fact]
    public void Parser_reads_every_section()
    {
        var help = HelpMarkdownParser.Parse("Set-LicenseThing.md", ValidSource);

        Assert.Equal("Set-LicenseThing", help.Name);
        Assert.Equal("Sets a thing.", help.Synopsis);
        Assert.Equal(new[] { "First paragraph, wrapped.", "- A list item." }, help.Description);
        Assert.Equal(new[] { "Sku", "All", "Name" }, help.Parameters.Select(p => p.Key));
        Assert.Equal("LicenseGovernance.LicenseSku", Assert.Single(help.Outputs).TypeName);
        var example = Assert.Single(help.Examples);
        Assert.Equal("# a comment, not a heading\nSet-LicenseThing -Sku SPE_E5", example.Code);
        Assert.Equal(new[] { "Sets it." }, example.Remarks);
        Assert.Equal("https://example.invalid/docs", help.RelatedLinks[1].Uri);
    }

    [Theory]
    [InlineData("## SYNOPSIS\nx\n", "must start with '# <Verb-Noun>'")]
    [InlineData("# A-B\n## SYNOPSYS\nx\n", "unknown section '## SYNOPSYS'")]
    [InlineData("# A-B\n## SYNOPSIS\nx\n## SYNOPSIS\ny\n", "appears twice")]
    [InlineData("# A-B\n## DESCRIPTION\n```\ncode\n```\n", "code blocks are allowed only inside an example")]
    [InlineData("# A-B\n## EXAMPLES\n### Example 1\nno code\n", "has no code block")]
    [InlineData("# A-B\n## PARAMETERS\n### Sku\nx\n", "must be '### -Name'")]
    [InlineData("# A-B\n## PARAMETERS\n### -Sku\nx\n### -sku\ny\n", "described twice")]
    public void Parser_rejects_malformed_sources(string source, string expected)
    {
        var error = Assert.Throws<HelpSourceException>(() => HelpMarkdownParser.Parse("A-B.md", source));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("A-B.md(", error.Message);
    }

    [Fact]
    public void Validator_accepts_matching_help() =>
        Assert.Empty(HelpValidator.Validate(new[] { Cmdlet() }, new[] { HelpMarkdownParser.Parse("Set-LicenseThing.md", ValidSource) }, Array.Empty<string>()));

    [Theory]
    [InlineData("missing-md", "Set-LicenseThing (Test.SetLicenseThingCommand): no help source Set-LicenseThing.md.")]
    [InlineData("orphan-md", "Get-Orphan.md: documents Get-Orphan, which is not a cmdlet in the assembly.")]
    [InlineData("undescribed", "Set-LicenseThing (Set-LicenseThing.md): parameter -Sku is not described.")]
    [InlineData("unknown-parameter", "Set-LicenseThing (Set-LicenseThing.md): describes parameter -Skus, which the cmdlet does not have.")]
    [InlineData("no-example", "Set-LicenseThing (Set-LicenseThing.md): there is no example.")]
    [InlineData("empty-synopsis", "Set-LicenseThing (Set-LicenseThing.md): the SYNOPSIS is empty.")]
    [InlineData("wrong-output", "Set-LicenseThing (Set-LicenseThing.md): OUTPUTS lists System.String, but the cmdlet declares [OutputType] LicenseGovernance.LicenseSku.")]
    public void Validator_names_the_cmdlet_and_the_item(string breakage, string expected)
    {
        var source = breakage switch
        {
            "undescribed" => ValidSource.Replace("### -Sku\nThe SKU.\n", ""),
            "unknown-parameter" => ValidSource.Replace("### -Sku", "### -Sku\nThe SKU.\n### -Skus"),
            "no-example" => ValidSource.Substring(0, ValidSource.IndexOf("## EXAMPLES", StringComparison.Ordinal)),
            "empty-synopsis" => ValidSource.Replace("Sets a thing.", ""),
            "wrong-output" => ValidSource.Replace("### LicenseGovernance.LicenseSku", "### System.String"),
            _ => ValidSource,
        };
        var helps = new List<CommandHelp>();
        if (breakage != "missing-md")
        {
            helps.Add(HelpMarkdownParser.Parse("Set-LicenseThing.md", source));
        }

        if (breakage == "orphan-md")
        {
            helps.Add(HelpMarkdownParser.Parse("Get-Orphan.md", "# Get-Orphan\n## SYNOPSIS\nx\n"));
        }

        Assert.Contains(expected, HelpValidator.Validate(new[] { Cmdlet() }, helps, Array.Empty<string>()));
    }

    [Fact]
    public void Maml_has_a_syntax_item_per_set_and_is_deterministic()
    {
        var help = HelpMarkdownParser.Parse("Set-LicenseThing.md", ValidSource);
        var first = MamlWriter.Write(new[] { (Cmdlet(), help) });
        var second = MamlWriter.Write(new[] { (Cmdlet(), help) });
        Assert.Equal(first, second);

        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
        var entry = Assert.Single(XDocument.Parse(Encoding.UTF8.GetString(first)).Root!.Elements(command + "command"));
        var syntaxItems = entry.Element(command + "syntax")!.Elements(command + "syntaxItem").ToList();
        Assert.Equal(2, syntaxItems.Count);
        var sku = entry.Element(command + "parameters")!.Elements(command + "parameter").Single(p => p.Element(maml + "name")!.Value == "Sku");
        Assert.Equal("True (ByValue, ByPropertyName)", (string?)sku.Attribute("pipelineInput"));
        Assert.Equal("0", (string?)sku.Attribute("position"));
        Assert.Equal("SkuPartNumber", (string?)sku.Attribute("aliases"));
        Assert.Contains(entry.Element(command + "parameters")!.Elements(command + "parameter"), p => p.Element(maml + "name")!.Value == "WhatIf");
    }

    /// <summary>Two sets: ByName (-Sku, for all sets) and Bulk (-Sku plus a mandatory -All), with ShouldProcess.</summary>
    private static CmdletInfo Cmdlet()
    {
        var sku = new CmdletParameter("Sku", "System.String", "String", false, new[] { "SkuPartNumber" }, Array.Empty<string>(),
            new[] { new ParameterBinding(CmdletParameter.AllParameterSets, true, 0, true, true, null) }, false);
        var all = new CmdletParameter("All", "System.Management.Automation.SwitchParameter", "SwitchParameter", true, Array.Empty<string>(), Array.Empty<string>(),
            new[] { new ParameterBinding("Bulk", true, null, false, false, null) }, false);
        var whatIf = new CmdletParameter("WhatIf", "System.Management.Automation.SwitchParameter", "SwitchParameter", true, new[] { "wi" }, Array.Empty<string>(),
            new[] { new ParameterBinding(CmdletParameter.AllParameterSets, false, null, false, false, null) }, true);
        var byName = new CmdletParameter("Name", "System.String", "String", false, Array.Empty<string>(), Array.Empty<string>(),
            new[] { new ParameterBinding("ByName", false, null, false, false, null) }, false);
        return new CmdletInfo("Test.SetLicenseThingCommand", "Set", "LicenseThing", true, "Medium", "ByName",
            new[] { sku, all, byName, whatIf }, new[] { "LicenseGovernance.LicenseSku" });
    }
}
