using System.Reflection;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// Error ids are what scripts match on ($_.FullyQualifiedErrorId), so each must be unique, stable in form and raised
/// by exactly one factory; and every error tells the administrator what to do next in ErrorDetails.RecommendedAction.
/// The factories are invoked for real: the contracts assembly has no PowerShell stubs.
/// </summary>
public sealed class ErrorCatalogueTests
{
    private const int MaxRecommendedAction = 200;

    private static IReadOnlyList<(string Name, string Value)> Ids() => typeof(ErrorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToList();

    [Fact]
    public void Ids_are_unique() => MetadataAssert.None(
        Ids().GroupBy(i => i.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => "ErrorIds." + i.Name))}"),
        "Error ids used by more than one constant:");

    [Fact]
    public void Ids_are_LicenseGovernance_dot_their_name() => MetadataAssert.None(
        Ids().Where(i => i.Value != "LicenseGovernance." + i.Name).Select(i => $"ErrorIds.{i.Name} = \"{i.Value}\" (expected \"LicenseGovernance.{i.Name}\")"),
        "Error ids not of the form LicenseGovernance.<Name>:");

    /// <summary>Every factory, whichever file or branch adds it, is invoked; one without a recommended action fails the build.</summary>
    [Fact]
    public void Each_factory_recommends_an_action() => MetadataAssert.None(
        Made().Where(m => string.IsNullOrWhiteSpace(m.Error.RecommendedAction) || m.Error.RecommendedAction!.Length > MaxRecommendedAction || m.Error.RecommendedAction.Contains('\n'))
            .Select(m => $"Errors.{m.Factory}: {(string.IsNullOrWhiteSpace(m.Error.RecommendedAction) ? "none" : $"\"{m.Error.RecommendedAction}\"")}"),
        $"Errors without a recommended action (one line of at most {MaxRecommendedAction} characters: the command or step that fixes it):");

    [Fact]
    public void Each_id_is_produced_by_exactly_one_factory()
    {
        var produced = Made().Select(m => (m.Factory, m.Error.Id)).ToList();
        var offenders = new List<string>();
        foreach (var (name, value) in Ids())
        {
            var factories = produced.Where(p => p.Id == value).Select(p => p.Factory).ToList();
            if (factories.Count != 1)
            {
                offenders.Add($"ErrorIds.{name}: produced by {(factories.Count == 0 ? "no factory" : string.Join(", ", factories))}");
            }
        }

        offenders.AddRange(produced.Where(p => Ids().All(i => i.Value != p.Id)).Select(p => $"Errors.{p.Factory} produces '{p.Id}', which is not in ErrorIds"));
        MetadataAssert.None(offenders, "Error ids without exactly one factory in Errors:");
    }

    /// <summary>Every factory's error, made with dummy arguments.</summary>
    private static List<(string Factory, GovernanceError Error)> Made()
    {
        var factories = typeof(Errors).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(GovernanceError)).ToList();
        Assert.NotEmpty(factories);
        return factories.Select(m => (m.Name, (GovernanceError)m.Invoke(null, m.GetParameters().Select(Dummy).ToArray())!)).ToList();
    }

    private static object? Dummy(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return "dummy";
        }

        if (typeof(Exception).IsAssignableFrom(type))
        {
            return new InvalidOperationException("dummy");
        }

        if (type.IsAssignableFrom(typeof(string[])))
        {
            return new[] { "dummy" };
        }

        if (type.IsValueType)
        {
            return Activator.CreateInstance(type);
        }

        if (type == typeof(WorkforceRowProblem))
        {
            return new WorkforceRowProblem { Line = 2, Reason = "dummy" };
        }

        throw new NotSupportedException($"No dummy argument for {parameter.Member.Name}({type.Name} {parameter.Name}); teach {nameof(ErrorCatalogueTests)}.{nameof(Dummy)} the type.");
    }
}
