using System.Diagnostics;
using System.Security;
using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Users;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Benchmarks;

internal sealed record ListUsersResult(long Users, int Pages, long Requests, TimeSpan Wall, long PeakManagedBytes, long EndManagedBytes);

/// <summary>Lists every user through the engine (the real Graph SDK, paging with $top=999) against a tenant in a child process.</summary>
internal static class ListUsersBenchmark
{
    private static readonly string[] Select = { "id", "userPrincipalName", "accountEnabled", "assignedLicenses", "licenseAssignmentStates", "department", "usageLocation" };

    public static async Task<ListUsersResult> RunAsync(int users, int latencyMs)
    {
        using var child = TenantProcess.Start(users, latencyMs);

        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.Combine(Path.GetTempPath(), "lg-bench") });
        var token = new SecureString();
        foreach (var c in child.Token)
        {
            token.AppendChar(c);
        }

        var sink = new CollectingSink { KeepObjects = false };
        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = token, GraphEndpoint = child.BaseAddress, IsInteractiveHost = false }, sink);
        child.ResetStatistics();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(false);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });

        long count = 0;
        var watch = Stopwatch.StartNew();
        await UserStream.ReadAsync(engine.Session!, Select, null, _ => count++, sink);
        watch.Stop();
        sampling.Cancel();
        await sampler;

        var requests = child.Requests();
        var end = GC.GetTotalMemory(true);
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
