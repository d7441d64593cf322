using Xunit;
using Xunit.Abstractions;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The cases every run of the Pester suite answers: one xunit case per Pester test (named at discovery by Pester's own
/// discovery phase), all answered from a single Invoke-Pester run, plus one case for what no single test owns (a file
/// that failed to load, a failing BeforeAll, a run that executed nothing).
/// </summary>
public abstract class PesterSuiteCases
{
    private const string SkippedByPester = "Pester skips it here: its -Skip condition holds on this machine.";

    private static readonly Lazy<PesterRun> Discovery = new(PesterSuite.Discover);

    private readonly ITestOutputHelper _output;

    protected PesterSuiteCases(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> RunnableTests => Discovered(skip: false);

    public static IEnumerable<object[]> SkippedTests => Discovered(skip: true);

    /// <summary>The one Invoke-Pester run these cases report on.</summary>
    protected abstract PesterRun Run { get; }

    [Theory]
    [MemberData(nameof(RunnableTests))]
    [MemberData(nameof(SkippedTests), Skip = SkippedByPester)]
    public void PesterTest(string name)
    {
        var results = Run.Tests.Where(t => t.Name == name).ToList();

        Assert.True(results.Count > 0, $"Pester discovered '{name}' but the run did not report it.");
        // xunit 2 cannot skip a case once it runs, so a test that Set-ItResult skips at run time fails here; -Skip works.
        foreach (var test in results)
        {
            Assert.True(test.Result == "Passed", $"{test.Result}: {test.Name}\n{test.Error}");
        }
    }

    [Fact]
    public void PesterSuiteRanAndEverySetupSucceeded()
    {
        var run = Run;
        _output.WriteLine($"Pester {run.PesterVersion} on PowerShell {run.PowerShellVersion}: {run.CountLine}");
        foreach (var line in run.Output)
        {
            _output.WriteLine(line);
        }

        Assert.True(run.FailedSetup.Count == 0, string.Join("\n\n", run.FailedSetup.Select(f => $"{f.Name}\n{f.Error}")));
        Assert.True(run.Executed > 0, $"The Pester suite executed no test ({run.CountLine}).");
        Assert.Equal(
            Discovered(skip: false).Concat(Discovered(skip: true)).Select(d => (string)d[0]).OrderBy(n => n, StringComparer.Ordinal),
            run.Tests.Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
    }

    private static IEnumerable<object[]> Discovered(bool skip) =>
        Discovery.Value.Tests.Where(t => t.Skip == skip).Select(t => t.Name).Distinct().Select(n => new object[] { n });
}
