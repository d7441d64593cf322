using System.Diagnostics;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Benchmarks;

internal sealed record MigrationPlanResult(int Users, int Planned, long Requests, TimeSpan Wall);

/// <summary>
/// Move-DirectToGroupLicense -WhatIf over the migration benchmark's tenant (every user holding E3 directly), with no added
/// latency, so the figures are the planning itself (each size planned twice, the second run reported): reading the holders and judging each. Planning is meant to be linear,
/// so the time per user stays the same from 10,000 users to 200,000.
/// </summary>
internal static class MigrationPlanBenchmark
{
    public const string Scenario = "migration-plan";

    public static async Task<int> MainAsync(int[] sizes)
    {
        if (sizes.Length == 0)
        {
            sizes = new[] { 10_000, 40_000, 200_000 };
        }

        Console.WriteLine("Migration planning benchmark: Move-DirectToGroupLicense -WhatIf over loopback HTTP, no added latency");
        Console.WriteLine($"{"users",9} {"planned",9} {"requests",9} {"wall s",8} {"us/user",8} {"seed s",7}");
        var results = new List<MigrationPlanResult>();
        foreach (var size in sizes)
        {
            using var child = TenantProcess.Start(MigrationBenchmark.Scenario, size, 0);
            // -WhatIf changes nothing, so a first run, not reported, leaves the same tenant: the run measured then pays
            // no one-off cost (the JIT on both sides, the first connections), which would weigh most on the smallest size.
            await RunAsync(child, size);
            var r = await RunAsync(child, size);
            results.Add(r);
            Console.WriteLine($"{r.Users,9:N0} {r.Planned,9:N0} {r.Requests,9:N0} {r.Wall.TotalSeconds,8:N2} {PerUser(r),8:N1} {child.Seeding.TotalSeconds,7:N1}");
        }

        var (fastest, slowest) = (results.Min(PerUser), results.Max(PerUser));
        var met = slowest <= 1.5 * fastest;
        Console.WriteLine($"time per user from {fastest:N1} to {slowest:N1} us (x{slowest / fastest:N2}): constant within 1.5x: {(met ? "yes" : "NO")}");
        return met ? 0 : 1;
    }

    private static double PerUser(MigrationPlanResult r) => r.Wall.TotalMilliseconds * 1000 / r.Users;

    private static async Task<MigrationPlanResult> RunAsync(TenantProcess child, int users)
    {
        // A journal of its own: at its end the command reads the whole journal for earlier runs' Unknown changes, and the
        // one the other benchmarks share grows with every run, which would add a cost that has nothing to do with the users.
        var settings = Path.Combine(Path.GetTempPath(), "lg-bench-plan-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await RunAsync(child, users, settings);
        }
        finally
        {
            Directory.Delete(settings, recursive: true);
        }
    }

    private static async Task<MigrationPlanResult> RunAsync(TenantProcess child, int users, string settings)
    {
        var engine = await child.ConnectEngineAsync(settings);
        child.ResetStatistics();
        var planned = 0;
        // -WhatIf: the migration is planned and every user reported, and nothing is asked for or written.
        var sink = new CollectingSink { KeepObjects = false, Decide = (_, _) => false };
        sink.OnObject = o => planned += o is DirectToGroupMigrationResult { Outcome: MigrationOutcome.Planned } ? 1 : 0;

        var watch = Stopwatch.StartNew();
        await engine.MoveDirectToGroupLicenseAsync(new MoveDirectToGroupLicenseRequest { Sku = "ENTERPRISEPACK", Group = "All users" }, sink);
        watch.Stop();
        var requests = child.Requests();
        engine.Disconnect();
        if (sink.Errors.Count > 0 || planned != users)
        {
            throw new InvalidOperationException($"Planned {planned} of {users} users. {string.Join("; ", sink.Errors)}");
        }

        return new MigrationPlanResult(users, planned, requests, watch.Elapsed);
    }
}
