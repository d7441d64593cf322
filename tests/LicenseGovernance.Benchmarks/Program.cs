using LicenseGovernance.Benchmarks;

// The simulated tenant runs in a child process on a loopback port, so the figures measure the client alone:
// the tenant's own memory grows with its users, and must not be counted against the engine.
if (args.Length > 0 && args[0] == "serve")
{
    return TenantServer.Run(args[1], int.Parse(args[2]), int.Parse(args[3]));
}

// Arguments: an optional benchmark name (list-users or group-errors, both when left out; migration, migration-plan, health,
// zombies, zombie-removal, tiers and scan-memory only when named), then optional sizes; migration, zombies and
// zombie-removal also take --quota-scale N.
var benchmarks = new[] { ListUsersBenchmark.Scenario, GroupLicenseErrorsBenchmark.Scenario, MigrationBenchmark.Scenario, MigrationPlanBenchmark.Scenario, HealthBenchmark.Scenario, ZombieLicenseBenchmark.Scenario, ZombieRemovalBenchmark.Scenario, TiersBenchmark.Scenario, ScanMemoryBenchmark.Scenario };
var chosen = args.Length > 0 && !int.TryParse(args[0], out _) ? args[0] : null;
if (chosen != null && !benchmarks.Contains(chosen))
{
    Console.Error.WriteLine($"Unknown benchmark '{chosen}'. Choose one of: {string.Join(", ", benchmarks)}.");
    return 2;
}

// The migration is bound by Graph's write quota (minutes at 10,000 users), so it runs only when named.
if (chosen == MigrationBenchmark.Scenario)
{
    return await MigrationBenchmark.MainAsync(args.Skip(1).ToArray(), 20);
}

// Peak memory of every scan command at two sizes (issue 17), only when named.
if (chosen == ScanMemoryBenchmark.Scenario)
{
    return await ScanMemoryBenchmark.MainAsync(args.Skip(1).ToArray());
}

// Planning it (-WhatIf) is not, but runs up to 200,000 users (issue 17).
if (chosen == MigrationPlanBenchmark.Scenario)
{
    return await MigrationPlanBenchmark.MainAsync(args.Skip(1).Select(int.Parse).ToArray());
}

// The health score over 20,000 groups (issue 17).
if (chosen == HealthBenchmark.Scenario)
{
    return await HealthBenchmark.MainAsync(args.Skip(1).ToArray(), 20);
}

// So is the removal of zombie licences (issue 13).
if (chosen == ZombieRemovalBenchmark.Scenario)
{
    return await ZombieRemovalBenchmark.MainAsync(args.Skip(1).ToArray(), 20);
}

// Zombie licences (issues 5 and 17) are bound by the signInActivity read quota, and run beside two baseline scripts.
if (chosen == ZombieLicenseBenchmark.Scenario)
{
    return await ZombieLicenseBenchmark.MainAsync(args.Skip(1).ToArray(), 20);
}

var sizes = args.Skip(chosen == null ? 0 : 1).Select(int.Parse).ToArray();
if (sizes.Length == 0)
{
    sizes = chosen == TiersBenchmark.Scenario ? new[] { 10_000, 50_000 } : new[] { 20_000, 100_000 };
}

const int latencyMs = 20;

// The tier reconciler (issue 14) runs only when named, like the zombies.
if (chosen == TiersBenchmark.Scenario)
{
    return await RunTiersAsync(sizes, latencyMs);
}

if (chosen is null or ListUsersBenchmark.Scenario)
{
    await RunListUsersAsync(sizes, latencyMs);
}

if (chosen is null or GroupLicenseErrorsBenchmark.Scenario)
{
    if (chosen == null)
    {
        Console.WriteLine();
    }

    await RunGroupLicenseErrorsAsync(sizes, latencyMs);
}

return 0;

static async Task RunListUsersAsync(int[] sizes, int latencyMs)
{
    Console.WriteLine($"ListUsers benchmark: every user over loopback HTTP, {latencyMs} ms added latency per request, output streamed");
    Console.WriteLine($"{"users",9} {"pages",6} {"requests",9} {"extra",6} {"wall s",8} {"users/s",9} {"peak MB",8} {"end MB",7}");
    var results = new List<ListUsersResult>();
    foreach (var size in sizes)
    {
        var result = await ListUsersBenchmark.RunAsync(size, latencyMs);
        results.Add(result);
        Console.WriteLine($"{result.Users,9:N0} {result.Pages,6} {result.Requests,9} {result.Requests - result.Pages,6} {result.Wall.TotalSeconds,8:N2} {result.Users / result.Wall.TotalSeconds,9:N0} {result.PeakManagedBytes / 1048576.0,8:N1} {result.EndManagedBytes / 1048576.0,7:N1}");
    }

    // The issue's two targets, read off the figures: requests are the page count plus one constant, and peak memory
    // does not follow the user count (streamed output keeps no page).
    Console.WriteLine(RequestsVerdict(results.Select(r => r.Requests - r.Pages)));
    if (results.Count > 1)
    {
        Console.WriteLine(MemoryVerdict(results.Select(r => (r.Users, r.PeakManagedBytes)), "users"));
    }
}

static async Task RunGroupLicenseErrorsAsync(int[] sizes, int latencyMs)
{
    Console.WriteLine($"GroupLicenseErrors benchmark: one tier group with seats for half its members, membersWithLicenseErrors over loopback HTTP, {latencyMs} ms added latency per request, output streamed");
    Console.WriteLine($"{"members",9} {"output",8} {"errors",8} {"pages",6} {"requests",9} {"extra",6} {"wall s",8} {"errors/s",9} {"peak MB",8} {"end MB",7} {"seed s",7}");
    var results = new List<GroupLicenseErrorsResult>();
    foreach (var size in sizes)
    {
        foreach (var result in await GroupLicenseErrorsBenchmark.RunAsync(size, latencyMs))
        {
            results.Add(result);
            Console.WriteLine($"{result.Members,9:N0} {(result.Summary ? "summary" : "entries"),8} {result.Errors,8:N0} {result.Pages,6} {result.Requests,9} {result.Requests - result.Pages,6} {result.Wall.TotalSeconds,8:N2} {result.Errors / result.Wall.TotalSeconds,9:N0} {result.PeakManagedBytes / 1048576.0,8:N1} {result.EndManagedBytes / 1048576.0,7:N1} {result.Seeding.TotalSeconds,7:N1}");
        }
    }

    foreach (var output in results.GroupBy(r => r.Summary ? "summary" : "entries"))
    {
        var line = output.Key + ": " + RequestsVerdict(output.Select(r => r.Requests - r.Pages));
        if (output.Count() > 1)
        {
            line += "; " + MemoryVerdict(output.Select(r => ((long)r.Members, r.PeakManagedBytes)), "members");
        }

        Console.WriteLine(line);
    }
}

static async Task<int> RunTiersAsync(int[] sizes, int latencyMs)
{
    Console.WriteLine($"Tiers benchmark: Sync-LicenseTier over a settled tier system (70% Tier1 baseline, 20% Tier2, 10% Tier3 by access package), loopback HTTP, {latencyMs} ms added latency per request");
    Console.WriteLine($"{"users",9} {"settled",8} {"requests",9} {"http",6} {"per 1,000",10} {"writes",7} {"wall s",8} {"users/s",9} {"peak MB",8} {"end MB",7} {"seed s",7}");
    var results = new List<TiersResult>();
    foreach (var size in sizes)
    {
        var r = await TiersBenchmark.RunAsync(size, latencyMs);
        results.Add(r);
        Console.WriteLine($"{r.Users,9:N0} {r.Summary.Settled,8:N0} {r.Requests,9:N0} {r.HttpRequests,6:N0} {r.Requests * 1000.0 / r.Users,10:N2} {r.Summary.Writes,7} {r.Wall.TotalSeconds,8:N2} {r.Users / r.Wall.TotalSeconds,9:N0} {r.PeakManagedBytes / 1048576.0,8:N1} {r.EndManagedBytes / 1048576.0,7:N1} {r.Seeding.TotalSeconds,7:N1}");
    }

    // The issue's target: only reads, and a small constant number of them per 1,000 users (member pages of 999 and a few more).
    const double target = 5;
    var readsOnly = results.All(r => r.Summary.Writes == 0 && r.Summary.Moved + r.Summary.Bridged + r.Summary.Failed == 0);
    var perThousand = results.Max(r => r.Requests * 1000.0 / r.Users);
    Console.WriteLine($"only reads: {(readsOnly ? "yes" : "NO")}; at most {perThousand:N2} requests per 1,000 users (target <= {target}): {(readsOnly && perThousand <= target ? "met" : "NOT met")}");
    if (results.Count > 1)
    {
        Console.WriteLine(MemoryVerdict(results.Select(r => ((long)r.Users, r.PeakManagedBytes)), "users"));
    }

    return readsOnly && perThousand <= target ? 0 : 1;
}

static string RequestsVerdict(IEnumerable<long> extras)
{
    var distinct = extras.Distinct().ToList();
    return $"requests = pages + constant: {(distinct.Count == 1 ? "yes (+" + distinct[0] + ")" : "no (" + string.Join(", ", distinct) + ")")}";
}

static string MemoryVerdict(IEnumerable<(long Size, long PeakBytes)> runs, string unit)
{
    var ordered = runs.OrderBy(r => r.Size).ToList();
    var (small, large) = (ordered[0], ordered[^1]);
    return $"peak memory x{(double)large.PeakBytes / small.PeakBytes:N2} for x{(double)large.Size / small.Size:N1} the {unit}";
}
