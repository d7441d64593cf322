using System.Diagnostics;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Seeding;

namespace LicenseGovernance.Benchmarks;

internal sealed record ZombieLicenseResult(long Users, long Zombies, int Pages, long Requests, TimeSpan Wall, long PeakManagedBytes, long EndManagedBytes, TimeSpan Seeding);

/// <summary>
/// Get-ZombieLicense through the engine (the real Graph SDK) over document 001's tenant in a child process: every user with
/// signInActivity, which Graph serves 120 to a page, and the output streamed to a sink that keeps nothing.
/// </summary>
internal static class ZombieLicenseBenchmark
{
    public const string Scenario = "zombies";

    /// <summary>Graph's page size for /users when signInActivity is selected.</summary>
    public const int SignInActivityPageSize = 120;

    /// <summary>Seeded at the real time: over HTTP the engine judges inactivity against its own clock, not the tenant's.</summary>
    public static SimulatedTenant CreateTenant(int users) => ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = users, Now = DateTimeOffset.UtcNow });

    public static async Task<ZombieLicenseResult> RunAsync(int users, int latencyMs)
    {
        using var child = TenantProcess.Start(Scenario, users, latencyMs);
        var engine = await child.ConnectEngineAsync();
        child.ResetStatistics();

        var sink = new CollectingSink { KeepObjects = false };
        var memory = PeakMemory.Start();
        var watch = Stopwatch.StartNew();
        await engine.GetZombieLicensesAsync(new GetZombieLicenseRequest(), sink);
        watch.Stop();
        var (peak, end) = await memory.StopAsync();

        var requests = child.Requests();
        engine.Disconnect();
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

        var pages = (int)Math.Ceiling(users / (double)SignInActivityPageSize);
        return new ZombieLicenseResult(users, sink.ObjectCount, pages, requests, watch.Elapsed, peak, end, child.Seeding);
    }
}
