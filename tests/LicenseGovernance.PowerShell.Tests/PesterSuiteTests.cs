using Xunit;
using Xunit.Abstractions;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The Pester suite, run in a hosted PowerShell 7.6 in a child process: one xunit case per Pester test (named at discovery by Pester's own
/// discovery phase), all answered from a single Invoke-Pester run, plus one case for what no single test owns (a file
/// that failed to load, a failing BeforeAll, a run that executed nothing).
/// </summary>
public sealed class PesterSuiteTests
{
    private const string SkippedByPester = "Pester skips it here: its -Skip condition holds on this machine.";

    private static readonly Lazy<PesterRun> Discovery = new(PesterSuite.Discover);

    private readonly ITestOutputHelper _output;

    public PesterSuiteTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> RunnableTests => Discovered(skip: false);

    public static IEnumerable<object[]> SkippedTests => Discovered(skip: true);

    [Theory]
    [MemberData(nameof(RunnableTests))]
    [MemberData(nameof(SkippedTests), Skip = SkippedByPester)]
    public void PesterTest(string name)
    {
        var results = PesterSuite.Run.Value.Tests.Where(t => t.Name == name).ToList();

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
        var run = PesterSuite.Run.Value;
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
