using System.Diagnostics;
using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Benchmarks;

/// <param name="PeakLiveBytes">The highest live managed size, sampled after a forced full collection every 10 ms: the verdict.</param>
/// <param name="PeakManagedBytes">The highest managed heap size including uncollected garbage (it follows the collector's budgets).</param>
internal sealed record ScanMemoryResult(string Command, int Users, long Objects, long Requests, TimeSpan Wall, long PeakLiveBytes, long PeakManagedBytes);

/// <summary>
/// Every scan command's engine path over loopback HTTP, one after another on the same tenant, each measured for peak managed
/// memory with its output streamed to a sink that keeps nothing: the user scans on document 001's tenant (every user
/// licensed, 12% departed, 27% inactive), the tier listings on the tiers benchmark's settled tier system. Memory is what is
/// measured, so the tenants add no latency and throttle nothing (no read or write quota, the signInActivity one included):
/// the run shows what the engine holds, not how long Graph's quotas make it wait.
/// </summary>
internal static class ScanMemoryBenchmark
{
    public const string Scenario = "scan-memory";

    /// <summary>The tenant process's scenario for the tier listings.</summary>
    public const string TiersScenario = "scan-memory-tiers";

    /// <summary>
    /// The tier listings run on a tier system of this fraction of the users (10,000 and 100,000 for the default sizes, still
    /// ten times apart): seeding 60,000 access package assignments takes the simulator longer than the mode's ten minutes.
    /// </summary>
    public const int TierUsersDivisor = 2;

    /// <summary>Issue 17's target: at most 1.2 times the peak memory for ten times the users.</summary>
    public const double Target = 1.2;

    private static readonly (string Command, Func<GovernanceEngine, IGovernanceSink, Task> Run)[] UserScans =
    {
        ("Get-ZombieLicense", (e, s) => e.GetZombieLicensesAsync(new GetZombieLicenseRequest(), s)),
        ("Get-LicenseUtilization", (e, s) => e.GetLicenseUtilizationAsync(new GetZombieLicenseRequest(), s)),
        ("Get-DirectLicenseAssignment", (e, s) => e.GetDirectLicenseAssignmentsAsync(new GetDirectLicenseAssignmentRequest(), s)),
        ("Get-UnderusedLicense", (e, s) => e.GetUnderusedLicensesAsync(new GetUnderusedLicenseRequest(), s)),
        ("Get-GroupLicenseError", (e, s) => e.GetGroupLicenseErrorsAsync(new GetGroupLicenseErrorRequest(), s)),
        ("Get-LicenseHealth", (e, s) => e.GetLicenseHealthAsync(new GetLicenseHealthRequest(), s)),
    };

    private static readonly (string Command, Func<GovernanceEngine, IGovernanceSink, Task> Run)[] TierScans =
    {
        ("Get-LicenseTierGroup", (e, s) => e.GetTierGroupsAsync(new GetTierGroupRequest(), s)),
        ("Get-TierAssignment", (e, s) => e.GetTierAssignmentsAsync(new GetTierAssignmentRequest(), s)),
        ("Get-LicenseTierConflict", (e, s) => e.GetLicenseTierConflictsAsync(new GetLicenseTierConflictRequest(), s)),
        // The tier system is settled, so the reconciler only reads: the reads it shares with the conflict report, and its plans.
        ("Sync-LicenseTier", (e, s) => e.SyncLicenseTiersAsync(new SyncLicenseTierRequest { Summary = true }, s)),
    };

    public static SimulatedTenant CreateTenant(int users)
    {
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = users, Now = DateTimeOffset.UtcNow }, new SimulatorOptions { Throttling = Unthrottled() });
        // Get-UnderusedLicense matches report rows to users by name, which concealed reports do not give.
        tenant.Store.DisplayConcealedNames = false;
        return tenant;
    }

    public static SimulatedTenant CreateTiersTenant(int users)
    {
        var tenant = TiersBenchmark.CreateTenant(users);
        tenant.Options.Throttling = Unthrottled();
        return tenant;
    }

    private static ThrottlingOptions Unthrottled() => new() { Enabled = false };

    /// <summary>Runs every size, prints a line per command and size, then a verdict per command; 1 when one is not flat.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        // --user-scans leaves out the tier listings, whose tenants take minutes to seed; --tier-scans runs only them.
        var only = args.Contains("--user-scans") ? Scenario : args.Contains("--tier-scans") ? TiersScenario : null;
        // --repeat=N runs each command N times and keeps its highest peaks: the sampler can miss the moment a page of Graph's
        // answer is alive in a short run (a few pages), and so make the small size look smaller than it is.
        var repeat = args.Where(a => a.StartsWith("--repeat=", StringComparison.Ordinal)).Select(a => int.Parse(a.Substring("--repeat=".Length))).DefaultIfEmpty(1).Last();
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
        var sizes = numbers.Length == 0 ? new[] { 20_000, 200_000 } : numbers;
        Console.WriteLine("Scan memory benchmark: every scan command's engine path over loopback HTTP, no added latency; the tenants throttle nothing");
        Console.WriteLine("(no quota at all, the signInActivity read quota included), so memory is measured, not quota waits. Output streamed to a sink that keeps nothing.");
        Console.WriteLine($"User scans on document 001's tenant; tier listings on the tiers benchmark's tier system at 1/{TierUsersDivisor} of the users (the simulator seeds access package assignments slowly).");
        Console.WriteLine("Memory: 'live MB' is the highest live managed size, sampled after a forced full collection every 10 ms (what the command holds; the verdict);");
        Console.WriteLine("'heap MB' the highest heap size sampled every 2 ms including garbage not yet collected (it follows the collector's budgets and varies between runs).");
        if (repeat > 1)
        {
            Console.WriteLine($"Each command runs {repeat} times at each size; its highest peaks are shown.");
        }

        Console.WriteLine($"{"command",-28} {"users",9} {"objects",9} {"requests",9} {"wall s",8} {"live MB",8} {"heap MB",8}");
        var results = new List<ScanMemoryResult>();
        foreach (var size in sizes)
        {
            results.AddRange(await RunAsync(size, only, repeat, r => Console.WriteLine($"{r.Command,-28} {r.Users,9:N0} {r.Objects,9:N0} {r.Requests,9:N0} {r.Wall.TotalSeconds,8:N2} {r.PeakLiveBytes / 1048576.0,8:N1} {r.PeakManagedBytes / 1048576.0,8:N1}")));
        }

        if (sizes.Length < 2)
        {
            return 0;
        }

        var flat = true;
        foreach (var runs in results.GroupBy(r => r.Command))
        {
            var ordered = runs.OrderBy(r => r.Users).ToList();
            var (small, large) = (ordered[0], ordered[^1]);
            var ratio = (double)large.PeakLiveBytes / small.PeakLiveBytes;
            var heapRatio = (double)large.PeakManagedBytes / small.PeakManagedBytes;
            flat &= ratio <= Target;
            Console.WriteLine($"{runs.Key,-28} peak live memory x{ratio:N2} (heap x{heapRatio:N2}) for x{(double)large.Users / small.Users:N1} the users (target at most x{Target} for x10): {(ratio <= Target ? "met" : "NOT met")}");
        }

        Console.WriteLine($"every scan flat: {(flat ? "met" : "NOT met")}");
        return flat ? 0 : 1;
    }

    /// <summary>Each command at one size, on a fresh tenant process per kind of tenant.</summary>
    /// <param name="only">The one kind of tenant to run (<see cref="Scenario"/> or <see cref="TiersScenario"/>), or null for both.</param>
    /// <param name="repeat">How many times each command runs; the highest peaks are kept.</param>
    public static async Task<List<ScanMemoryResult>> RunAsync(int users, string? only, int repeat, Action<ScanMemoryResult> report)
    {
        var results = new List<ScanMemoryResult>();
        foreach (var (scenario, scans, size) in new[] { (Scenario, UserScans, users), (TiersScenario, TierScans, users / TierUsersDivisor) })
        {
            if (only != null && scenario != only)
            {
                continue;
            }

            using var child = TenantProcess.Start(scenario, size, 0);
            // A settings folder of its own: Sync-LicenseTier reads the change journal, and the shared one holds other benchmarks' runs.
            var settings = Path.Combine(Path.GetTempPath(), "lg-bench-scan-memory-" + Guid.NewGuid().ToString("N"));
            var engine = await child.ConnectEngineAsync(settings, SignInReadLimits.Unlimited());
            try
            {
                foreach (var (command, run) in scans)
                {
                    var result = await MeasureAsync(child, engine, command, size, run);
                    for (var i = 1; i < repeat; i++)
                    {
                        var again = await MeasureAsync(child, engine, command, size, run);
                        result = result with { PeakLiveBytes = Math.Max(result.PeakLiveBytes, again.PeakLiveBytes), PeakManagedBytes = Math.Max(result.PeakManagedBytes, again.PeakManagedBytes) };
                    }

                    results.Add(result);
                    report(result);
                }
            }
            finally
            {
                engine.Disconnect();
                if (Directory.Exists(settings))
                {
                    Directory.Delete(settings, recursive: true);
                }
            }
        }

        return results;
    }

    private static async Task<ScanMemoryResult> MeasureAsync(TenantProcess child, GovernanceEngine engine, string command, int users, Func<GovernanceEngine, IGovernanceSink, Task> run)
    {
        child.ResetStatistics();
        var sink = new CollectingSink { KeepObjects = false, KeepMessages = false };
        var memory = PeakMemory.StartLive();
        var watch = Stopwatch.StartNew();
        await run(engine, sink);
        watch.Stop();
        var (peak, end) = await memory.StopAsync();
        if (sink.Errors.Count > 0)
        {
            throw new InvalidOperationException(command + ": " + string.Join("; ", sink.Errors.Select(e => e.ToString())));
        }

        return new ScanMemoryResult(command, users, sink.ObjectCount, child.Requests(), watch.Elapsed, Math.Max(memory.PeakLive, end), peak);
    }
}
