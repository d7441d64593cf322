using System.Diagnostics;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;

namespace LicenseGovernance.Benchmarks;

internal sealed record ZombieLicenseResult(long Users, long Zombies, int Pages, long Requests, long Throttled, TimeSpan Wall, TimeSpan QuotaFloor,
    long PeakManagedBytes, long EndManagedBytes, TimeSpan Seeding, ScriptResult OnePass, ScriptResult? PerUser);

/// <summary>
/// Get-ZombieLicense through the engine (the real Graph SDK) over document 001's tenant in a child process: every user with
/// signInActivity, which Graph serves 500 to a page under a quota of 10 reads a minute, and the output streamed to a sink
/// that keeps nothing. Beside it, on the same tenant, the scripts administrators write for the same question.
/// </summary>
internal static class ZombieLicenseBenchmark
{
    public const string Scenario = "zombies";

    /// <summary>The per-user script reads this many users one by one; the rest are extrapolated from them.</summary>
    private const int PerUserSample = 500;

    /// <summary>Requests beyond the pages: the SKUs, the groups and access packages behind the licences, the user count.</summary>
    private const int ExtraAllowed = 10;

    /// <summary>Seeded at the real time: over HTTP the engine judges inactivity against its own clock, not the tenant's.</summary>
    public static SimulatedTenant CreateTenant(int users) =>
        ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = users, Now = DateTimeOffset.UtcNow }, new SimulatorOptions { Throttling = QuotaScale.FromParent() });

    /// <param name="args">Optional sizes (default 20,000, 100,000 and 200,000) and --quota-scale N (default 60).</param>
    public static async Task<int> MainAsync(string[] args, int latencyMs)
    {
        var (scale, sizes) = QuotaScale.Parse(args, new[] { 20_000, 100_000, 200_000 }, defaultScale: 60);

        var limits = QuotaScale.SignInReads(scale);
        Console.WriteLine($"ZombieLicense benchmark: Get-ZombieLicense over document 001's tenant (12% departed, 27% inactive, E5), loopback HTTP, {latencyMs} ms added latency per request, output streamed");
        Console.WriteLine($"signInActivity quota {limits.Describe()} = Graph's 10 per 60 s run {scale:0.#}x faster (TimeScale {scale:0.#}); pages of {limits.PageSize}");
        Console.WriteLine($"{"users",9} {"run",22} {"requests",9} {"429s",6} {"wall s",8} {"floor s",8} {"zombies",8} {"peak MB",8} {"end MB",7} {"seed s",7}");
        var results = new List<ZombieLicenseResult>();
        foreach (var size in sizes)
        {
            var r = await RunAsync(size, latencyMs, scale, perUser: size == sizes[0]);
            results.Add(r);
            Print(r, limits);
        }

        return Verdicts(results, limits) ? 0 : 1;
    }

    private static void Print(ZombieLicenseResult r, SignInReadLimits limits)
    {
        Console.WriteLine($"{r.Users,9:N0} {"Get-ZombieLicense",22} {r.Requests,9:N0} {r.Throttled,6:N0} {r.Wall.TotalSeconds,8:N1} {r.QuotaFloor.TotalSeconds,8:N1} {r.Zombies,8:N0} {r.PeakManagedBytes / 1048576.0,8:N1} {r.EndManagedBytes / 1048576.0,7:N1} {r.Seeding.TotalSeconds,7:N1}");
        foreach (var s in new[] { r.OnePass, r.PerUser }.OfType<ScriptResult>())
        {
            var name = s.Name + (s.Extrapolated ? "*" : "");
            var floor = Floor(s.Requests - s.Throttled - (s.Extrapolated ? (long)Math.Ceiling(r.Users / 999.0) : 0), limits);
            Console.WriteLine($"{"",9} {name,22} {s.Requests,9:N0} {s.Throttled,6:N0} {s.Wall.TotalSeconds,8:N1} {floor.TotalSeconds,8:N1} {s.Zombies,8:N0}   x{s.Requests / (double)r.Requests:N1} requests, x{s.Wall.TotalSeconds / r.Wall.TotalSeconds:N1} time");
            if (s.Extrapolated)
            {
                Console.WriteLine($"{"",9} * the per-user script read {s.Sample:N0} users one by one; its figures for all {r.Users:N0} are scaled up from them (the whole run would take {s.Wall.TotalMinutes:N0} min)");
            }
        }
    }

    /// <summary>The issue's targets: requests within ceil(N/500) + a constant, time near the quota's floor, memory flat.</summary>
    private static bool Verdicts(List<ZombieLicenseResult> results, SignInReadLimits limits)
    {
        var requestsMet = results.All(r => r.Requests <= Math.Ceiling(r.Users / (double)limits.PageSize) + ExtraAllowed);
        Console.WriteLine($"requests <= ceil(N/{limits.PageSize}) + {ExtraAllowed}: {(requestsMet ? "met" : "NOT met")} (extra: {string.Join(", ", results.Select(r => r.Requests - r.Pages))}); 429s: {results.Sum(r => r.Throttled)}");
        // Below one page per token of the bucket the quota imposes nothing, and a ratio to it says nothing.
        Console.WriteLine("wall / quota floor: " + string.Join(", ", results.Select(r => $"{r.Users:N0} users " +
            (r.QuotaFloor > TimeSpan.Zero ? $"x{r.Wall.TotalSeconds / r.QuotaFloor.TotalSeconds:N2}" : "(no floor: the pages fit in the bucket)"))));
        if (results.Count > 1)
        {
            var (small, large) = (results.MinBy(r => r.Users)!, results.MaxBy(r => r.Users)!);
            var growth = (double)large.PeakManagedBytes / small.PeakManagedBytes;
            Console.WriteLine($"peak memory x{growth:N2} for x{(double)large.Users / small.Users:N1} the users (target <= 1.2): {(growth <= 1.2 ? "met" : "NOT met")}");
            requestsMet &= growth <= 1.2;
        }

        return requestsMet && results.All(r => r.Throttled == 0);
    }

    /// <summary>The least time <paramref name="reads"/> reads of signInActivity take: the bucket's burst, then one per refill.</summary>
    private static TimeSpan Floor(long reads, SignInReadLimits limits) =>
        TimeSpan.FromSeconds(Math.Max(0, reads - limits.QuotaReads) / limits.ReadsPerSecond);

    private static async Task<ZombieLicenseResult> RunAsync(int users, int latencyMs, double scale, bool perUser)
    {
        QuotaScale.PassToChild(scale);
        using var child = TenantProcess.Start(Scenario, users, latencyMs);
        var limits = QuotaScale.SignInReads(scale);
        var engine = await child.ConnectEngineAsync(signInReads: QuotaScale.SignInReads(scale));
        child.ResetStatistics();

        var sink = new CollectingSink { KeepObjects = false, KeepMessages = false };
        var memory = PeakMemory.Start();
        var watch = Stopwatch.StartNew();
        await engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), sink);
        watch.Stop();
        var (peak, end) = await memory.StopAsync();
        var (requests, throttled) = (child.Requests(), child.Throttled());
        engine.Disconnect();
        Check(sink, users);

        // Each baseline starts, like the module, with the quota's bucket full.
        await Task.Delay(limits.QuotaWindow);
        var onePass = await ZombieScripts.OnePassAsync(child);
        ScriptResult? single = null;
        if (perUser)
        {
            await Task.Delay(limits.QuotaWindow);
            single = await ZombieScripts.PerUserAsync(child, users, PerUserSample);
        }

        var pages = (int)Math.Ceiling(users / (double)limits.PageSize);
        return new ZombieLicenseResult(users, sink.ObjectCount, pages, requests, throttled, watch.Elapsed, Floor(pages, limits), peak, end, child.Seeding, onePass, single);
    }

    private static void Check(CollectingSink sink, int users)
    {
        if (sink.Errors.Count > 0 || sink.Warnings.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", sink.Errors.Select(e => e.ToString()).Concat(sink.Warnings)));
        }

        // Document 001's shares: 12% departed and 27% inactive zombies, each user on one SKU.
        var expected = Math.Round(users * 0.12, MidpointRounding.AwayFromZero) + Math.Round(users * 0.27, MidpointRounding.AwayFromZero);
        if (sink.ObjectCount != expected)
        {
            throw new InvalidOperationException($"Found {sink.ObjectCount} zombie licences; the tenant has {expected}.");
        }
    }
}
