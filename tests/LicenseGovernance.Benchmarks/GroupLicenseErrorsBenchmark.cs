using System.Diagnostics;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Benchmarks;

internal sealed record GroupLicenseErrorsResult(int Members, bool Summary, long Errors, int Pages, long Requests, TimeSpan Wall, long PeakManagedBytes, long EndManagedBytes, TimeSpan Seeding);

/// <summary>
/// Get-GroupLicenseError on one tier group whose SKU has seats for only half its members, through the engine against a
/// tenant in a child process: once writing every entry, once writing only the summary.
/// </summary>
internal static class GroupLicenseErrorsBenchmark
{
    public const string Scenario = "group-errors";

    public const string GroupName = "LIC-Bench-Tier";

    private const string Sku = "SPE_E3";

    /// <summary>Seats bought for the tier's SKU; every member past them is in CountViolation.</summary>
    public static int Seats(int members) => members / 2;

    public static SimulatedTenant CreateTenant(int members)
    {
        var tenant = SimulatedTenant.CreateEmpty();
        var store = tenant.Store;
        var sku = store.AddSku(Sku, Seats(members));
        var ids = new List<Guid>(members);
        for (var i = 0; i < members; i++)
        {
            ids.Add(store.AddUser($"member{i:D6}@{tenant.DefaultDomain}", u => u.UsageLocation = "US").Id);
        }

        // Members given at creation go in with one store write (as members@odata.bind on POST /groups), which keeps
        // seeding 100,000 members to a few seconds; the licence then queues them all in member order.
        var group = store.AddGroup(GroupName, g => g.Members.AddRange(ids));
        store.AddGroupExtension(group.Id, "com.licensegovernance.tier", new Dictionary<string, object?> { ["tier"] = 2, ["baseline"] = false, ["managedBy"] = "LicenseGovernance" });
        store.AssignGroupLicense(group.Id, sku.SkuId);
        store.ProcessPendingNow();
        return tenant;
    }

    public static async Task<IReadOnlyList<GroupLicenseErrorsResult>> RunAsync(int members, int latencyMs)
    {
        using var child = TenantProcess.Start(Scenario, members, latencyMs);
        var engine = await child.ConnectEngineAsync();
        var expected = members - Seats(members);
        var results = new List<GroupLicenseErrorsResult>();
        foreach (var summary in new[] { false, true })
        {
            child.ResetStatistics();
            var rows = new RowCounter<GroupLicenseError, GroupLicenseErrorSummary>(e => e.ErrorType == "CountViolation");
            var sink = rows.Sink;

            var memory = PeakMemory.Start();
            var watch = Stopwatch.StartNew();
            await engine.GetGroupLicenseErrorsAsync(new GetGroupLicenseErrorRequest { Group = new[] { GroupName }, Summary = summary }, sink);
            watch.Stop();
            var (peak, end) = await memory.StopAsync();
            var requests = child.Requests();
            if (sink.Errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join("; ", sink.Errors));
            }

            var errors = summary ? rows.Summary?.CountViolation ?? 0 : rows.Counted;
            var written = summary ? 1 : errors;
            if (errors != expected || sink.ObjectCount != written)
            {
                throw new InvalidOperationException($"Expected {expected} CountViolation errors in {(summary ? "one summary" : expected + " entries")}; got {errors} in {sink.ObjectCount} object(s).");
            }

            // The engine asks for Graph's page limit on membersWithLicenseErrors, as on /users.
            var pages = (int)Math.Ceiling(expected / (double)UserStream.MaxPageSize);
            results.Add(new GroupLicenseErrorsResult(members, summary, errors, pages, requests, watch.Elapsed, peak, end, child.Seeding));
        }

        engine.Disconnect();
        return results;
    }
}
