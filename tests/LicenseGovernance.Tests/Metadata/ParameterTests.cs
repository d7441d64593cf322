using LicenseGovernance.HelpGen.Model;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>Parameter sets PowerShell can always resolve, and identity parameters that bind from piped objects.</summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class ParameterTests
{
    /// <summary>Property names that Get-X, Get-MgUser and CSV rows carry; piping them must bind by property name.</summary>
    private static readonly HashSet<string> IdentityNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Id", "UserId", "UserPrincipalName", "SkuId", "SkuPartNumber",
    };

    private readonly BuiltModule module;

    public ParameterTests(BuiltModule module) => this.module = module;

    [Fact]
    public void No_two_parameter_sets_have_the_same_mandatory_parameters()
    {
        var offenders = new List<string>();
        foreach (var cmdlet in module.Cmdlets.Where(c => NamedSets(c).Count > 1))
        {
            var bySignature = NamedSets(cmdlet).GroupBy(set => string.Join(", ", cmdlet.ParametersInSet(set)
                .Where(p => p.Binding.Mandatory).Select(p => "-" + p.Parameter.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase)));
            offenders.AddRange(bySignature.Where(g => g.Count() > 1)
                .Select(g => $"{cmdlet.Name}: sets {string.Join(", ", g)} each require exactly [{g.Key}]"));
        }

        MetadataAssert.None(offenders, "Parameter sets PowerShell cannot tell apart by their mandatory parameters:");
    }

    [Fact]
    public void At_most_one_parameter_per_set_and_type_takes_pipeline_input_by_value() => MetadataAssert.None(
        module.Cmdlets.SelectMany(cmdlet => cmdlet.ParameterSetNames.SelectMany(set => cmdlet.ParametersInSet(set)
            .Where(p => p.Binding.ValueFromPipeline)
            .GroupBy(p => p.Parameter.TypeName)
            .Where(g => g.Count() > 1)
            .Select(g => $"{cmdlet.Name}, set {set}: {string.Join(", ", g.Select(p => "-" + p.Parameter.Name))} all take {g.Key} ByValue"))),
        "Parameter sets where piped objects of one type would bind to several parameters:");

    [Fact]
    public void Positions_are_unique_within_a_set() => MetadataAssert.None(
        module.Cmdlets.SelectMany(cmdlet => cmdlet.ParameterSetNames.SelectMany(set => cmdlet.ParametersInSet(set)
            .Where(p => p.Binding.Position.HasValue)
            .GroupBy(p => p.Binding.Position!.Value)
            .Where(g => g.Count() > 1)
            .Select(g => $"{cmdlet.Name}, set {set}: {string.Join(", ", g.Select(p => "-" + p.Parameter.Name))} share position {g.Key}"))),
        "Parameter sets with two parameters at one position:");

    [Fact]
    public void The_default_parameter_set_is_a_real_set_when_there_are_several()
    {
        var offenders = new List<string>();
        foreach (var cmdlet in module.Cmdlets.Where(c => NamedSets(c).Count > 1))
        {
            if (cmdlet.DefaultParameterSetName == null)
            {
                offenders.Add($"{cmdlet.Name}: {NamedSets(cmdlet).Count} sets ({string.Join(", ", NamedSets(cmdlet))}) but no DefaultParameterSetName");
            }
            else if (!NamedSets(cmdlet).Contains(cmdlet.DefaultParameterSetName))
            {
                offenders.Add($"{cmdlet.Name}: DefaultParameterSetName '{cmdlet.DefaultParameterSetName}' is none of {string.Join(", ", NamedSets(cmdlet))}");
            }
        }

        MetadataAssert.None(offenders, "Cmdlets whose default parameter set does not exist:");
    }

    [Fact]
    public void Identity_parameters_bind_by_property_name()
    {
        var offenders = module.Cmdlets.SelectMany(cmdlet => cmdlet.Parameters
            .Where(p => IdentityNames.Contains(p.Name) || p.Aliases.Any(IdentityNames.Contains))
            .Where(p => p.Bindings.Any(b => !b.ValueFromPipelineByPropertyName))
            .Select(p => $"{cmdlet.Name} -{p.Name} (aliases: {(p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases))}) in set(s) " +
                string.Join(", ", p.Bindings.Where(b => !b.ValueFromPipelineByPropertyName).Select(b => b.SetName))));
        MetadataAssert.None(offenders, $"Identity parameters (named or aliased {string.Join("/", IdentityNames)}) without ValueFromPipelineByPropertyName:");
    }

    private static IReadOnlyList<string> NamedSets(CmdletInfo cmdlet) =>
        cmdlet.ParameterSetNames.Where(s => s != CmdletParameter.AllParameterSets).ToList();
}
