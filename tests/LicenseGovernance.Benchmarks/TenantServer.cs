using System.Diagnostics;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Benchmarks;

/// <summary>
/// The child process: a tenant seeded for one benchmark on a loopback port. Reports how long seeding took on its
/// READY line, answers "stats" (requests, 429s, HTTP requests, writes), "routes" (requests by route) and "reset" on stdin,
/// and ends when stdin closes.
/// </summary>
internal static class TenantServer
{
    /// <summary>The tenant each benchmark measures, by the scenario name the parent passes to "serve".</summary>
    public static SimulatedTenant Create(string scenario, int size) => scenario switch
    {
        ListUsersBenchmark.Scenario => ListUsersBenchmark.CreateTenant(size),
        GroupLicenseErrorsBenchmark.Scenario => GroupLicenseErrorsBenchmark.CreateTenant(size),
        MigrationBenchmark.Scenario => MigrationBenchmark.CreateTenant(size),
        ZombieLicenseBenchmark.Scenario => ZombieLicenseBenchmark.CreateTenant(size),
        TiersBenchmark.Scenario => TiersBenchmark.CreateTenant(size),
        ZombieRemovalBenchmark.Scenario => ZombieRemovalBenchmark.CreateTenant(size),
        ScanMemoryBenchmark.Scenario => ScanMemoryBenchmark.CreateTenant(size),
        ScanMemoryBenchmark.TiersScenario => ScanMemoryBenchmark.CreateTiersTenant(size),
        HealthBenchmark.Scenario => HealthBenchmark.CreateTenant(size),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'.", nameof(scenario)),
    };

    public static int Run(string scenario, int size, int latencyMs)
    {
        var seeding = Stopwatch.StartNew();
        var tenant = Create(scenario, size);
        seeding.Stop();
        tenant.Options.AddedLatency = TimeSpan.FromMilliseconds(latencyMs);
        // Nothing moves a served tenant's clock but time itself: frozen, its quotas would never refill, and a baseline
        // that runs into one would meet a 429 that never clears.
        tenant.Clock.FollowRealTime();
        using var server = LoopbackSimulatorServer.Start(tenant);
        // The demo tenant's clock starts on a fixed date, so the token must outlive the real date too.
        var token = tenant.IssueAccessToken(tenant.DefaultPrincipal, TimeSpan.FromDays(3650));
        Console.WriteLine($"READY {server.BaseAddress} {token} {seeding.Elapsed.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Console.Out.Flush();

        string? line;
        while ((line = Console.ReadLine()) != null)
        {
            if (line == "stats")
            {
                Console.WriteLine($"STATS {tenant.Statistics.TotalRequests} {tenant.Statistics.Throttled} {tenant.Statistics.HttpRequests} {tenant.Statistics.Writes}");
                Console.Out.Flush();
            }
            else if (line == "routes")
            {
                // Requests by "METHOD /route-template", $batch items included, on one line.
                Console.WriteLine("ROUTES " + string.Join("|", tenant.Statistics.PerRoute.Select(r => r.Key + "=" + r.Value)));
                Console.Out.Flush();
            }
            else if (line == "reset")
            {
                tenant.Statistics.Reset();
                Console.WriteLine("RESET");
                Console.Out.Flush();
            }
        }

        return 0;
    }
}
