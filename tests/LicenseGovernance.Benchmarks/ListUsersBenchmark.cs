using System.Diagnostics;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Benchmarks;

internal sealed record ListUsersResult(long Users, int Pages, long Requests, TimeSpan Wall, long PeakManagedBytes, long EndManagedBytes);

/// <summary>Lists every user through the engine (the real Graph SDK, paging with $top=999) against a tenant in a child process.</summary>
internal static class ListUsersBenchmark
{
    public const string Scenario = "list-users";

    private static readonly string[] Select = { "id", "userPrincipalName", "accountEnabled", "assignedLicenses", "licenseAssignmentStates", "department", "usageLocation" };

    public static SimulatedTenant CreateTenant(int users) => SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = users });

    public static async Task<ListUsersResult> RunAsync(int users, int latencyMs)
    {
        using var child = TenantProcess.Start(Scenario, users, latencyMs);
        var engine = await child.ConnectEngineAsync();
        child.ResetStatistics();

        var sink = new CollectingSink { KeepObjects = false, KeepMessages = false };
        var memory = PeakMemory.Start();
        long count = 0;
        var watch = Stopwatch.StartNew();
        await UserStream.ReadAsync(engine.Session!, Select, null, _ => count++, sink);
        watch.Stop();
        var (peak, end) = await memory.StopAsync();

        var requests = child.Requests();
        engine.Disconnect();
        if (sink.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", sink.Errors));
        }

        if (count != users)
        {
            throw new InvalidOperationException($"Listed {count} users of {users}.");
        }

        var pages = (int)Math.Ceiling(users / (double)UserStream.MaxPageSize);
        return new ListUsersResult(count, pages, requests, watch.Elapsed, peak, end);
    }
}
