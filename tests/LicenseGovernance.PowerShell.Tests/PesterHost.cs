using System.Collections;
using System.Text.Json;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The entry point of this test assembly when PesterSuite starts it as a child process: runs Invoke-Pester in a hosted
/// PowerShell 7.6 engine with the Pester module copied from its NuGet package, and writes what Pester reported as JSON.
/// A process of its own because the module keeps one engine per process, whose settings folder is fixed when it is
/// created: sharing the xunit process would let the suite and the xunit tests see each other's prices and connection.
/// </summary>
public static class PesterHost
{
    public const string RunCommand = "pester-run";
    public const string DiscoverCommand = "pester-discover";

    /// <param name="args">pester-run|pester-discover, the JSON file to write, then the .Tests.ps1 files.</param>
    public static int Main(string[] args)
    {
        if (args.Length < 3 || args[0] is not (RunCommand or DiscoverCommand))
        {
            Console.Error.WriteLine($"usage: {RunCommand}|{DiscoverCommand} <result.json> <file.Tests.ps1>...");
            return 2;
        }

        using var session = new PowerShellSession(PesterManifest);
        var result = session.Run(Script(args.Skip(2), skipRun: args[0] == DiscoverCommand));
        var rows = result.Output.OfType<Hashtable>().ToList();
        if (result.Terminating != null || !rows.Any(r => Kind(r) == "Summary"))
        {
            Console.Error.WriteLine("Invoke-Pester did not complete:\n" + result.AllErrorText);
            return 1;
        }

        File.WriteAllText(args[1], JsonSerializer.Serialize(ToRun(rows, result.Information)));
        return 0;
    }

    internal static string PesterManifest
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Modules", "Pester");
            var manifest = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "Pester.psd1", SearchOption.AllDirectories).SingleOrDefault()
                : null;
            return manifest ?? throw new InvalidOperationException(
                $"Pester.psd1 is not under {folder}: the test project copies it from the Pester package at build time.");
        }
    }

    /// <summary>Runs Invoke-Pester and writes hashtables: a Summary, each Test, and each failed Block or Container.</summary>
    internal static string Script(IEnumerable<string> files, bool skipRun) => $$"""
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = @({{string.Join(", ", files.Select(Quote))}})
        $configuration.Run.PassThru = $true
        $configuration.Run.SkipRun = ${{skipRun}}
        $configuration.Output.Verbosity = 'Detailed'
        $run = Invoke-Pester -Configuration $configuration
        # Pester's own frames are noise: keep the message and the frames in the suite's files.
        function Format-PesterError($records) {
            ($records | ForEach-Object {
                $frames = "$($_.ScriptStackTrace)" -split "`n" | Where-Object { $_ -notmatch '[\\/]Pester\.ps(m?)1: line|<No file>' }
                (@($_.Exception.Message) + $frames) -join "`n"
            }) -join "`n"
        }
        # A test that fails because its Describe's BeforeAll threw has no error of its own.
        function Get-TestError($test) {
            $records = $test.ErrorRecord
            for ($block = $test.Block; $records.Count -eq 0 -and $block; $block = $block.Parent) { $records = $block.ErrorRecord }
            Format-PesterError $records
        }
        @{
            Kind = 'Summary'; Pester = (Get-Module Pester).Version.ToString(); PowerShell = $PSVersionTable.PSVersion.ToString()
            Total = $run.TotalCount; Passed = $run.PassedCount; Failed = $run.FailedCount; Skipped = $run.SkippedCount
            NotRun = $run.NotRunCount; Inconclusive = $run.InconclusiveCount
        }
        # Discovery leaves -ForEach templates such as <Name> unexpanded; a run expands them. Expand them here, the way Pester
        # does, so that the names discovery finds are the names the run reports.
        function Get-TestName($test) {
            $path = "$($test.ExpandedPath)"
            if ($test.Data -is [System.Collections.IDictionary]) {
                foreach ($key in $test.Data.Keys) { $path = $path.Replace("<$key>", "$($test.Data[$key])") }
            }
            "$(Split-Path -Leaf $test.ScriptBlock.File): $path"
        }
        foreach ($test in $run.Tests) {
            @{ Kind = 'Test'; Name = Get-TestName $test; Result = "$($test.Result)"
               Skip = [bool]$test.Skip; Error = Get-TestError $test }
        }
        foreach ($block in $run.FailedBlocks) {
            @{ Kind = 'Block'; Name = "$($block.ExpandedPath)"; Result = 'Failed'; Error = Format-PesterError $block.ErrorRecord }
        }
        foreach ($container in $run.FailedContainers) {
            @{ Kind = 'Container'; Name = "$($container.Item)"; Result = 'Failed'; Error = Format-PesterError $container.ErrorRecord }
        }
        """;

    internal static PesterRun ToRun(IReadOnlyList<Hashtable> rows, IReadOnlyList<string> output)
    {
        var summary = rows.Single(r => Kind(r) == "Summary");
        PesterTest Test(Hashtable r) => new((string)r["Name"]!, (string)r["Result"]!, r["Skip"] is true, r["Error"] as string ?? "");

        return new PesterRun(
            (string)summary["Pester"]!,
            (string)summary["PowerShell"]!,
            new[] { "Total", "Passed", "Failed", "Skipped", "NotRun", "Inconclusive" }.ToDictionary(k => k, k => Convert.ToInt32(summary[k])),
            rows.Where(r => Kind(r) == "Test").Select(Test).ToList(),
            rows.Where(r => Kind(r) is "Block" or "Container").Select(Test).ToList(),
            output);
    }

    private static string Kind(Hashtable row) => (string)row["Kind"]!;

    internal static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
