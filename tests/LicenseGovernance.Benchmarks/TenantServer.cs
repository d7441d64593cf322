using LicenseGovernance.Simulator;

namespace LicenseGovernance.Benchmarks;

/// <summary>The child process: a seeded tenant on a loopback port. Answers "stats" on stdin; ends when stdin closes.</summary>
internal static class TenantServer
{
    public static int Run(int users, int latencyMs)
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = users });
        tenant.Options.AddedLatency = TimeSpan.FromMilliseconds(latencyMs);
        using var server = LoopbackSimulatorServer.Start(tenant);
        // The demo tenant's clock starts on a fixed date, so the token must outlive the real date too.
        var token = tenant.IssueAccessToken(tenant.DefaultPrincipal, TimeSpan.FromDays(3650));
        Console.WriteLine($"READY {server.BaseAddress} {token}");
        Console.Out.Flush();

        string? line;
        while ((line = Console.ReadLine()) != null)
        {
            if (line == "stats")
            {
                Console.WriteLine($"STATS {tenant.Statistics.TotalRequests} {tenant.Statistics.Throttled}");
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
