using System.Diagnostics;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Benchmarks;

internal sealed record MigrationPlanResult(long Requests, TimeSpan Wall, TimeSpan Cpu);

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
        Console.WriteLine($"{"users",9} {"runs",5} {"requests",9} {"wall s",8} {"us/user",8} {"cpu s",7} {"cpu us/user",12} {"seed s",7}");
        var perUser = new List<double>();
        foreach (var size in sizes)
        {
            using var child = TenantProcess.Start(MigrationBenchmark.Scenario, size, 0);
            // -WhatIf changes nothing, so a first run, not reported, leaves the same tenant: the runs measured then pay
            // no one-off cost (the JIT on both sides, the first connections).
            await RunAsync(child, size);
            var runs = Math.Max(1, TotalUsers / size);
            var (requests, wall, cpu) = (0L, TimeSpan.Zero, TimeSpan.Zero);
            for (var i = 0; i < runs; i++)
            {
                var r = await RunAsync(child, size);
                (requests, wall, cpu) = (requests + r.Requests, wall + r.Wall, cpu + r.Cpu);
            }

            perUser.Add(PerUser(cpu, size * runs));
            Console.WriteLine($"{size,9:N0} {runs,5} {requests / runs,9:N0} {wall.TotalSeconds / runs,8:N2} {PerUser(wall, size * runs),8:N1} {cpu.TotalSeconds / runs,7:N2} {perUser[^1],12:N1} {child.Seeding.TotalSeconds,7:N1}");
        }

        var met = perUser.Max() <= 1.5 * perUser.Min();
        Console.WriteLine($"engine processor time per user from {perUser.Min():N1} to {perUser.Max():N1} us (x{perUser.Max() / perUser.Min():N2}): constant within 1.5x: {(met ? "yes" : "NO")}");
        return met ? 0 : 1;
    }

    /// <summary>The users each size plans in all, over as many runs as it takes.</summary>
    private const int TotalUsers = 200_000;

    private static double PerUser(TimeSpan time, int users) => time.TotalMilliseconds * 1000 / users;

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
        var sink = new CollectingSink { KeepObjects = false, KeepMessages = false, Decide = (_, _) => false };
        sink.OnObject = o => planned += o is DirectToGroupMigrationResult { Outcome: MigrationOutcome.Planned } ? 1 : 0;

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await engine.MoveDirectToGroupLicenseAsync(new MoveDirectToGroupLicenseRequest { Sku = "ENTERPRISEPACK", Group = "All users" }, sink);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var requests = child.Requests();
        engine.Disconnect();
        if (sink.Errors.Count > 0 || planned != users)
        {
            throw new InvalidOperationException($"Planned {planned} of {users} users. {string.Join("; ", sink.Errors)}");
        }

        return new MigrationPlanResult(requests, watch.Elapsed, cpu);
    }
}
