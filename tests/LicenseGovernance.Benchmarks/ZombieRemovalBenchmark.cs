using System.Diagnostics;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Benchmarks;

internal sealed record ZombieRemovalResult(int Users, int Zombies, long Requests, long HttpRequests, long Writes, long Throttled, int Removed, int Failed, TimeSpan Wall);

/// <summary>
/// Get-ZombieLicense | Remove-ZombieLicense -IncludeMailboxLicenses over document 001's tenant (a third of the E5 licences
/// direct, the rest from one group) in a child process on loopback HTTP with added latency. As in the migration benchmark
/// the child's clock follows real time, so its write quota refills as Graph's does, and --quota-scale runs the quota's
/// windows faster. Only the removal is measured: the listing is issue 5's benchmark (zombies).
/// </summary>
internal static class ZombieRemovalBenchmark
{
    public const string Scenario = "zombie-removal";

    /// <summary>More than 1 in 100 writes refused with 429 is a storm: the pacer is meant to keep them rare.</summary>
    private const double StormShare = 0.01;

    public static SimulatedTenant CreateTenant(int users)
    {
        var options = new SimulatorOptions
        {
            Throttling = QuotaScale.FromParent(),
            // Entra's own processing is not what is measured: groups let their removed members' licences go within seconds.
            LicenseProcessingDelay = TimeSpan.FromSeconds(1),
            LicenseProcessingTimePerUser = TimeSpan.FromTicks(1000),
        };
        var tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = users, Now = DateTimeOffset.UtcNow }, options);
        return tenant;
    }

    /// <param name="args">Optional sizes (default 20,000) and --quota-scale N (default 1).</param>
    public static async Task<int> MainAsync(string[] args, int latencyMs)
    {
        var (scale, sizes) = QuotaScale.Parse(args, new[] { 20_000 });
        var quota = new ThrottlingOptions { TimeScale = scale };
        Console.WriteLine($"Zombie removal benchmark: Remove-ZombieLicense of every zombie licence over loopback HTTP, {latencyMs} ms added latency per request; {QuotaScale.Describe(scale)}");
        Console.WriteLine($"{"users",8} {"zombies",8} {"requests",9} {"per zombie",11} {"http",7} {"per zombie",11} {"writes",7} {"429s",5} {"removed",8} {"failed",6} {"wall s",8} {"writes/s",9} {"of rate",8} {"of allowance",13}");
        var met = true;
        var verdicts = new List<string>();
        foreach (var size in sizes)
        {
            var r = await RunAsync(size, latencyMs, scale);
            var perSecond = r.Writes / r.Wall.TotalSeconds;
            // What the quota allowed in the run: its full budget at the start plus the refill over the wall time.
            var ofAllowance = r.Writes / (quota.WritesPer150Seconds + (quota.WritesPerSecond * r.Wall.TotalSeconds));
            Console.WriteLine($"{r.Users,8:N0} {r.Zombies,8:N0} {r.Requests,9:N0} {r.Requests / (double)r.Zombies,11:N2} {r.HttpRequests,7:N0} {r.HttpRequests / (double)r.Zombies,11:N2} {r.Writes,7:N0} {r.Throttled,5} {r.Removed,8:N0} {r.Failed,6} {r.Wall.TotalSeconds,8:N1} {perSecond,9:N1} {perSecond / quota.WritesPerSecond,8:P0} {ofAllowance,13:P0}");
            var storm = r.Throttled > r.Writes * StormShare;
            var ok = r.Failed == 0 && r.Removed == r.Zombies && !storm;
            met &= ok;
            verdicts.Add($"{size:N0} users: {r.Removed:N0} of {r.Zombies:N0} removed, {r.Failed} failed, {r.Throttled} 429s for {r.Writes:N0} writes " +
                $"({(storm ? "a storm" : "no storm")}: at most 1 in {1 / StormShare:N0}); goal (0 failed, no 429 storm) {(ok ? "met" : "NOT met")}");
        }

        foreach (var verdict in verdicts)
        {
            Console.WriteLine(verdict);
        }

        return met ? 0 : 1;
    }

    private static async Task<ZombieRemovalResult> RunAsync(int users, int latencyMs, double scale)
    {
        QuotaScale.PassToChild(scale);
        using var child = TenantProcess.Start(Scenario, users, latencyMs);
        var engine = await child.ConnectEngineAsync(signInReads: QuotaScale.SignInReads(scale));
        var listing = new CollectingSink();
        await engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), listing);
        var zombies = listing.Of<ZombieLicense>().ToArray();
        child.ResetStatistics();

        var removed = new RowCounter<ZombieLicenseRemoval, ZombieLicenseRemovalSummary>(r => r.Outcome == ZombieRemovalOutcome.Removed);
        var failed = 0L;
        var sink = removed.Sink;
        var countRemoved = sink.OnObject;
        sink.OnObject = o =>
        {
            countRemoved!(o);
            failed += o is ZombieLicenseRemoval { Outcome: ZombieRemovalOutcome.Failed } ? 1 : 0;
        };

        var watch = Stopwatch.StartNew();
        try
        {
            await engine.RemoveZombieLicensesAsync(new RemoveZombieLicenseRequest { Licenses = zombies, IncludeMailboxLicenses = true }, sink);
        }
        catch (LicenseGovernanceException ex)
        {
            // A run that stops is reported with what it did, not thrown away: that is the figure to compare.
            Console.WriteLine($"  the removal stopped after {watch.Elapsed.TotalSeconds:N0} s: {ex.Error.Id}: {ex.Error.Message}");
        }

        watch.Stop();
        var result = new ZombieRemovalResult(users, zombies.Length, child.Requests(), child.HttpRequests(), child.Writes(), child.Throttled(),
            (int)removed.Counted, (int)failed, watch.Elapsed);
        engine.Disconnect();
        if (sink.Errors.Count > 0)
        {
            Console.WriteLine($"  {sink.Errors.Count} error(s), the first: {sink.Errors[0].Message}");
        }

        return result;
    }
}
