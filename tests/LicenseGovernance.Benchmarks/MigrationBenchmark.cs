using System.Diagnostics;
using System.Globalization;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Benchmarks;

internal sealed record MigrationResult(int Users, long Requests, long Writes, long Throttled, int Failed, TimeSpan Wall, double QuotaRate, int QuotaCapacity);

/// <summary>
/// Move-DirectToGroupLicense over document 004's organisation (every user holding Office 365 E3 directly, the group
/// carrying it) in a child process on loopback HTTP with added latency. The child's clock follows real time, so its
/// write quota refills as Graph's does; the run is bound by that quota (about N/20 + N writes at 20 per second), and
/// --quota-scale runs the quota's windows that many times faster, the figures then reported against the scaled quota.
/// </summary>
internal static class MigrationBenchmark
{
    public const string Scenario = "migration";

    public static SimulatedTenant CreateTenant(int users)
    {
        var options = new SimulatorOptions
        {
            Throttling = QuotaScale.FromParent(),
            // Entra's own processing is not what is measured: the group applies its licence within seconds.
            LicenseProcessingDelay = TimeSpan.FromSeconds(1),
            LicenseProcessingTimePerUser = TimeSpan.FromTicks(1000),
        };
        var tenant = LegacyDirectLicenseTenant.Create(new LegacyDirectLicenseOptions { Users = users }, options);
        return tenant;
    }

    /// <param name="args">Optional sizes (default 10,000) and --quota-scale N (default 1).</param>
    public static async Task<int> MainAsync(string[] args, int latencyMs)
    {
        var (scale, sizes) = QuotaScale.Parse(args, new[] { 10_000 });
        Console.WriteLine($"Migration benchmark: Move-DirectToGroupLicense over loopback HTTP, {latencyMs} ms added latency per request; {QuotaScale.Describe(scale)}");
        Console.WriteLine($"{"users",8} {"requests",9} {"target",7} {"writes",7} {"429s",5} {"failed",6} {"wall s",8} {"writes/s",9} {"of rate",8} {"of allowance",13}");
        var verdicts = new List<string>();
        foreach (var size in sizes)
        {
            var r = await RunAsync(size, latencyMs, scale);
            var target = Target(size);
            var perSecond = r.Writes / r.Wall.TotalSeconds;
            // What the quota allowed in the run: its full budget at the start plus the refill over the wall time.
            var ofAllowance = r.Writes / (r.QuotaCapacity + (r.QuotaRate * r.Wall.TotalSeconds));
            var bound = r.Writes > r.QuotaCapacity;
            Console.WriteLine($"{r.Users,8:N0} {r.Requests,9:N0} {target,7:N0} {r.Writes,7:N0} {r.Throttled,5} {r.Failed,6} {r.Wall.TotalSeconds,8:N1} {perSecond,9:N1} {perSecond / r.QuotaRate,8:P0} {(bound ? ofAllowance.ToString("P0", CultureInfo.InvariantCulture) : "n/a"),13}");
            verdicts.Add($"{size:N0} users: requests {(r.Requests <= target ? "within" : "over")} the target of {target:N0} (N/20 membership + N/20 removals + page reads + polls); " +
                (bound
                    ? $"{ofAllowance:P0} of the writes the quota allowed, {r.Failed} failed: goal (>= 90%, 0 failed) {(ofAllowance >= 0.9 && r.Failed == 0 ? "met" : "NOT met")}"
                    : $"{r.Writes:N0} writes fit in the quota's initial budget of {r.QuotaCapacity:N0}, so this size is not bound by the quota; {r.Failed} failed"));
        }

        foreach (var verdict in verdicts)
        {
            Console.WriteLine(verdict);
        }

        return 0;
    }

    /// <summary>N/20 membership requests, N/20 removal batches, a page of users and of members per 999, and a constant for the rest.</summary>
    private static int Target(int users) => (2 * (int)Math.Ceiling(users / 20.0)) + (2 * (int)Math.Ceiling(users / 999.0)) + 40;

    private static async Task<MigrationResult> RunAsync(int users, int latencyMs, double scale)
    {
        QuotaScale.PassToChild(scale);
        using var child = TenantProcess.Start(Scenario, users, latencyMs);
        var engine = await child.ConnectEngineAsync(signInReads: QuotaScale.SignInReads(scale));
        child.ResetStatistics();
        var rows = new RowCounter<DirectToGroupMigrationResult, DirectToGroupMigrationSummary>(r => r.Outcome != MigrationOutcome.Migrated);
        var sink = rows.Sink;

        var watch = Stopwatch.StartNew();
        var phases = new PhaseTimer(sink, watch);
        var summary = await engine.MoveDirectToGroupLicenseAsync(new MoveDirectToGroupLicenseRequest { Sku = "ENTERPRISEPACK", Group = "All users", BatchSize = 500 }, phases);
        Console.WriteLine("  phases: " + phases);
        watch.Stop();
        var requests = child.HttpRequests();
        engine.Disconnect();
        if (sink.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", sink.Errors));
        }

        if (summary.Migrated != users)
        {
            throw new InvalidOperationException($"Migrated {summary.Migrated} of {users} users.");
        }

        var quota = new ThrottlingOptions { TimeScale = scale };
        return new MigrationResult(users, requests, summary.Writes, summary.Throttled, (int)rows.Counted, watch.Elapsed, quota.WritesPerSecond, quota.WritesPer150Seconds);
    }
}

/// <summary>Passes everything to the collecting sink and notes when each phase's progress first shows.</summary>
internal sealed class PhaseTimer : IGovernanceSink
{
    private readonly CollectingSink _inner;
    private readonly Stopwatch _watch;
    private readonly List<(string Activity, TimeSpan At)> _started = new();

    public PhaseTimer(CollectingSink inner, Stopwatch watch)
    {
        _inner = inner;
        _watch = watch;
    }

    public CancellationToken Cancellation => _inner.Cancellation;

    public string? CommandName => _inner.CommandName;

    public override string ToString() => string.Join(", ", _started.Select(p => $"{p.Activity} from {p.At.TotalSeconds:0.0} s"));

    public void WriteObject(object item) => _inner.WriteObject(item);

    public void WriteError(GovernanceError error) => _inner.WriteError(error);

    public void WriteWarning(string message) => _inner.WriteWarning(message);

    public void WriteVerbose(string message) => _inner.WriteVerbose(message);

    public void WriteDebug(string message) => _inner.WriteDebug(message);

    public void WriteProgress(GovernanceProgress progress)
    {
        if (!_started.Exists(p => p.Activity == progress.Activity))
        {
            _started.Add((progress.Activity, _watch.Elapsed));
        }
    }

    public bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);
}
