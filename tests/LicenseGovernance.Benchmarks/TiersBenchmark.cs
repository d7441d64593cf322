using System.Diagnostics;
using LicenseGovernance.Engine;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Benchmarks;

internal sealed record TiersResult(int Users, TierSyncSummary Summary, long Requests, long HttpRequests, TimeSpan Wall, long PeakManagedBytes, long EndManagedBytes, TimeSpan Seeding);

/// <summary>
/// Sync-LicenseTier through the engine over a settled tier system in a child process (the README's tiers: seven in ten
/// users in the F1 baseline, two in Tier2 and one in Tier3 through delivered access package assignments): nothing to do,
/// so the run must make only reads, a small constant number per 1,000 users.
/// </summary>
internal static class TiersBenchmark
{
    public const string Scenario = "tiers";

    public static SimulatedTenant CreateTenant(int users)
    {
        // Entra's own processing is not what is measured: the seeded tiers are applied at once.
        var tenant = SimulatedTenant.CreateEmpty(DateTimeOffset.UtcNow, new SimulatorOptions { LicenseProcessingDelay = TimeSpan.FromSeconds(1), LicenseProcessingTimePerUser = TimeSpan.FromTicks(1) });
        foreach (var sku in new[] { "SPE_F1", "SPE_E3", "SPE_E5" })
        {
            tenant.Store.AddSku(sku, users + 10);
        }

        var ids = Enumerable.Range(0, users).Select(i => tenant.Store.AddUser($"user{i:D6}@{tenant.DefaultDomain}", u => u.UsageLocation = "US").Id).ToList();
        var packages = CreateTiersAsync(tenant).GetAwaiter().GetResult();
        for (var i = 0; i < ids.Count; i++)
        {
            var tier = i % 10 == 0 ? "LIC-M365-Tier3" : i % 10 < 3 ? "LIC-M365-Tier2" : null;
            if (tier == null)
            {
                tenant.Store.AddMember(tenant.Store.Groups.Single(g => g.DisplayName == "LIC-M365-Tier1").Id, ids[i]);
            }
            else
            {
                tenant.Store.RequestAccessPackage(ids[i], packages[tier].Package, packages[tier].Policy, "benchmark");
            }
        }

        tenant.Store.ProcessPendingNow();
        return tenant;
    }

    public static async Task<TiersResult> RunAsync(int users, int latencyMs)
    {
        using var child = TenantProcess.Start(Scenario, users, latencyMs);
        var engine = await child.ConnectEngineAsync();
        child.ResetStatistics();

        var sink = new CollectingSink();
        var memory = PeakMemory.Start();
        var watch = Stopwatch.StartNew();
        await engine.SyncLicenseTiersAsync(new SyncLicenseTierRequest { Summary = true }, sink);
        watch.Stop();
        var (peak, end) = await memory.StopAsync();

        var (requests, http) = (child.Requests(), child.HttpRequests());
        engine.Disconnect();
        var summary = sink.Of<TierSyncSummary>().Single();
        if (sink.Errors.Count > 0 || sink.Warnings.Count > 0 || summary.Settled != users)
        {
            throw new InvalidOperationException($"{summary.Settled:N0} of {users:N0} users settled; " + string.Join("; ", sink.Errors.Select(e => e.ToString()).Concat(sink.Warnings)));
        }

        return new TiersResult(users, summary, requests, http, watch.Elapsed, peak, end, child.Seeding);
    }

    /// <summary>The README's three tiers through the engine, in process, and the packages users request Tier2 and Tier3 by.</summary>
    private static async Task<Dictionary<string, (Guid Package, Guid Policy)>> CreateTiersAsync(SimulatedTenant tenant)
    {
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.Combine(Path.GetTempPath(), "lg-bench-tiers-" + Guid.NewGuid().ToString("N")) });
        engine.ConnectSimulator(tenant);
        var packages = new Dictionary<string, (Guid, Guid)>();
        foreach (var (name, sku, rank) in new[] { ("LIC-M365-Tier1", "SPE_F1", 1), ("LIC-M365-Tier2", "SPE_E3", 2), ("LIC-M365-Tier3", "SPE_E5", 3) })
        {
            var tier = await engine.PlanTierGroupAsync(new TierGroupRequest { Name = name, CreateIfMissing = true, Sku = new[] { sku }, Rank = rank, Baseline = rank == 1 }, new CollectingSink());
            await engine.ApplyTierGroupPlanAsync(tier, new CollectingSink());
            if (rank > 1)
            {
                var plan = await engine.PlanTierAccessPackageAsync(new TierAccessPackageRequest { TierGroup = name, Approval = "None", AllowWithoutApproval = true, ExpirationDays = 365 }, new CollectingSink());
                var package = await engine.ApplyTierAccessPackagePlanAsync(plan, new CollectingSink());
                packages[name] = (package.Id, tenant.Store.AssignmentPolicies.Single(p => p.AccessPackageId == package.Id).Id);
            }
        }

        engine.Disconnect();
        return packages;
    }
}
