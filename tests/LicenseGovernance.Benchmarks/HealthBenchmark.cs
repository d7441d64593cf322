using System.Diagnostics;
using System.Globalization;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Benchmarks;

internal sealed record HealthResult(int Users, int Groups, int LicensedGroups, IReadOnlyDictionary<string, long> Routes, long Requests, long HttpRequests, TimeSpan Wall);

/// <summary>
/// Get-LicenseHealth over the tiers benchmark's tenant (three tiers, two handed out by access packages, 2,000 users) grown
/// to the size asked with users holding E3 directly, and to 20,000 groups of which 200 carry a licence, in a child process on loopback HTTP with added latency. Prints the
/// requests by route, and whether the groups and the access packages were each listed once.
/// </summary>
internal static class HealthBenchmark
{
    public const string Scenario = "health";

    public const int Groups = 20_000;

    public const int LicensedGroups = 200;

    private const string GroupListing = "GET /groups";

    private const string PackageListing = "GET /identityGovernance/entitlementManagement/accessPackages";

    /// <summary>Users in the tier system; the others hold Office 365 E3 directly (seeding the tiers' access package requests is slow).</summary>
    public const int TieredUsers = 2_000;

    public static SimulatedTenant CreateTenant(int users)
    {
        var tenant = TiersBenchmark.CreateTenant(Math.Min(users, TieredUsers));
        tenant.Options.Throttling = QuotaScale.FromParent();
        var e3 = tenant.Store.AddSku("ENTERPRISEPACK", users);
        for (var i = TieredUsers; i < users; i++)
        {
            var user = tenant.Store.AddUser($"direct{i:D6}@{tenant.DefaultDomain}", u => u.UsageLocation = "US");
            tenant.Store.AssignLicense(user.Id, e3.SkuId);
        }

        var skus = tenant.Store.Skus;
        var existing = tenant.Store.Groups.Count;
        var licensed = tenant.Store.Groups.Count(g => g.AssignedLicenses.Count > 0);
        for (var i = existing; i < Groups; i++)
        {
            // Departments and projects, the licensed ones spread over the tenant's SKUs, none with members to process.
            var sku = licensed < LicensedGroups ? skus[licensed++ % skus.Count] : null;
            tenant.Store.AddGroup((sku == null ? "Project " : "LIC-Dept ") + i.ToString("D5", CultureInfo.InvariantCulture), g =>
            {
                if (sku != null)
                {
                    g.AssignedLicenses.Add(new AssignedLicense { SkuId = sku.SkuId });
                }
            });
        }

        return tenant;
    }

    /// <param name="args">Optional size (default 100,000 users) and --quota-scale N (default 60: the sign-in activity quota's minute passes in a second).</param>
    public static async Task<int> MainAsync(string[] args, int latencyMs)
    {
        var (scale, sizes) = QuotaScale.Parse(args, new[] { 100_000 }, defaultScale: 60);
        Console.WriteLine($"Health benchmark: Get-LicenseHealth over loopback HTTP, {Groups:N0} groups ({LicensedGroups} licensed), {latencyMs} ms added latency per request; Graph's quota windows {scale:0.#}x faster");
        var met = true;
        foreach (var size in sizes)
        {
            QuotaScale.PassToChild(scale);
            using var child = TenantProcess.Start(Scenario, size, latencyMs);
            var r = await RunAsync(child, size, scale);
            Console.WriteLine($"{r.Users:N0} users, {r.Groups:N0} groups, {r.LicensedGroups} licensed: {r.Requests:N0} requests ({r.HttpRequests:N0} HTTP, $batch items counted apart), {r.Wall.TotalSeconds:N1} s, seeding {child.Seeding.TotalSeconds:N1} s");
            Console.WriteLine($"{"requests",9}  route");
            foreach (var (route, count) in r.Routes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{count,9:N0}  {route}");
            }

            met &= Verdict(r);
        }

        return met ? 0 : 1;
    }

    /// <summary>
    /// Groups listed once: no listing reads a page of groups that carry no licence, so the group listings number at most one
    /// per SKU (one page each at 200 licensed groups), against the 21 pages a listing of all 20,000 groups takes.
    /// </summary>
    private static bool Verdict(HealthResult r)
    {
        var groupListings = r.Routes.TryGetValue(GroupListing, out var g) ? g : 0;
        var packageListings = r.Routes.TryGetValue(PackageListing, out var p) ? p : 0;
        var allGroupsPages = (long)Math.Ceiling(r.Groups / 999.0);
        var groupsOnce = groupListings < allGroupsPages;
        var packagesOnce = packageListings == 1;
        Console.WriteLine($"group listings: {groupListings} requests (one listing of all {r.Groups:N0} groups takes {allGroupsPages}): groups listed once: {(groupsOnce ? "yes" : "NO")}");
        Console.WriteLine($"access package listings: {packageListings}: packages listed once: {(packagesOnce ? "yes" : "NO")}");
        return groupsOnce && packagesOnce;
    }

    private static async Task<HealthResult> RunAsync(TenantProcess child, int users, double scale)
    {
        var engine = await child.ConnectEngineAsync(signInReads: QuotaScale.SignInReads(scale));
        child.ResetStatistics();
        var sink = new CollectingSink { KeepObjects = false, KeepMessages = false };
        LicenseHealth? health = null;
        sink.OnObject = o => health = o as LicenseHealth ?? health;

        var watch = Stopwatch.StartNew();
        await engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), sink);
        watch.Stop();
        var (requests, http, routes) = (child.Requests(), child.HttpRequests(), child.Routes());
        engine.Disconnect();
        if (sink.Errors.Count > 0 || health == null)
        {
            throw new InvalidOperationException("No health score: " + string.Join("; ", sink.Errors));
        }

        return new HealthResult(users, Groups, LicensedGroups, routes, requests, http, watch.Elapsed);
    }
}
