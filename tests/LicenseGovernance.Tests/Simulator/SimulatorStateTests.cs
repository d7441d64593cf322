using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;

namespace LicenseGovernance.Tests.Simulator;

public class SimulatorStateTests
{
    [Fact]
    public void Same_seed_gives_identical_snapshot_and_another_seed_does_not()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var a = Path.Combine(dir.FullName, "a.json");
            var b = Path.Combine(dir.FullName, "b.json");
            var c = Path.Combine(dir.FullName, "c.json");
            SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 500, Now = SimulatorFixture.Now }).SaveSnapshot(a);
            SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 500, Now = SimulatorFixture.Now }).SaveSnapshot(b);
            SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 500, Seed = 7, Now = SimulatorFixture.Now }).SaveSnapshot(c);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Snapshot_round_trips_whole_state()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 300 });
            tenant.Clock.Advance(TimeSpan.FromDays(1));
            tenant.Options.ReadAfterWriteDelay = TimeSpan.FromSeconds(3);
            tenant.Options.Throttling.SignInActivityReadsPerMinute = 4;
            var first = Path.Combine(dir.FullName, "first.json.gz");
            var second = Path.Combine(dir.FullName, "second.json.gz");
            tenant.SaveSnapshot(first);
            var loaded = SimulatedTenant.LoadSnapshot(first);
            loaded.SaveSnapshot(second);
            Assert.Equal(Decompress(first), Decompress(second));
            Assert.Equal(tenant.TenantId, loaded.TenantId);
            Assert.Equal(tenant.Clock.UtcNow, loaded.Clock.UtcNow);
            Assert.Equal(TimeSpan.FromSeconds(3), loaded.Options.ReadAfterWriteDelay);
            Assert.Equal(4, loaded.Options.Throttling.SignInActivityReadsPerMinute);
            Assert.Equal(tenant.Store.Skus.Select(s => s.ConsumedUnits), loaded.Store.Skus.Select(s => s.ConsumedUnits));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Snapshot_carries_queued_work_extensions_app_roles_and_nested_members()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var options = new SimulatorOptions { TenantUsageLocation = "GB", LicenseProcessingTimePerUser = TimeSpan.FromSeconds(30) };
            options.UnavailableServicePlans["CN"] = new HashSet<Guid> { SkuCatalog.PlanId("TEAMS1") };
            var tenant = SimulatedTenant.CreateEmpty(SimulatorFixture.Now, options);
            var store = tenant.Store;
            var e3 = store.AddSku("SPE_E3", 10);
            var users = Enumerable.Range(0, 4).Select(i => store.AddUser($"u{i}@contoso.onmicrosoft.com", u => u.Department = "Sales")).ToList();
            var licensed = store.AddGroup("LIC-E3");
            var child = store.AddGroup("Nested");
            foreach (var user in users)
            {
                store.AddMember(licensed.Id, user.Id);
            }

            store.AddMember(licensed.Id, child.Id);
            store.AddGroupExtension(licensed.Id, "com.licensegovernance.tier", new Dictionary<string, object?> { ["tier"] = 2, ["baseline"] = false });
            store.AddAppRoleAssignment(child.Id, Guid.NewGuid(), "Contoso CRM");
            store.AssignGroupLicense(licensed.Id, e3.SkuId);
            var dynamic = store.AddGroup("DYN-Sales", g =>
            {
                g.GroupTypes.Add("DynamicMembership");
                g.MembershipRule = "user.department -eq \"Sales\"";
                g.MembershipRuleProcessingState = "On";
            });

            // Mid-flight: the licence group has started and processed two of four users; the dynamic group has not run.
            tenant.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(2, store.GetSku(e3.SkuId)!.ConsumedUnits);
            var first = Path.Combine(dir.FullName, "first.json");
            var second = Path.Combine(dir.FullName, "second.json");
            tenant.SaveSnapshot(first);
            var loaded = SimulatedTenant.LoadSnapshot(first);
            loaded.SaveSnapshot(second);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal("GB", loaded.Options.TenantUsageLocation);
            Assert.Contains(SkuCatalog.PlanId("TEAMS1"), loaded.Options.UnavailableServicePlans["cn"]);
            Assert.Equal(TimeSpan.FromSeconds(30), loaded.Options.LicenseProcessingTimePerUser);
            Assert.Equal(new[] { licensed.Id }, loaded.Store.FindGroup(child.Id)!.MemberOf);
            Assert.Contains(child.Id, loaded.Store.FindGroup(licensed.Id)!.Members);
            Assert.Equal(2, loaded.Store.FindGroupExtension(licensed.Id, "com.licensegovernance.tier")!.Properties["tier"].GetInt32());
            Assert.Equal("Contoso CRM", loaded.Store.FindGroup(child.Id)!.AppRoleAssignments.Single().ResourceDisplayName);
            Assert.Equal(tenant.Store.NextProcessingDue, loaded.Store.NextProcessingDue);

            // Both tenants finish the same work the same way.
            foreach (var t in new[] { tenant, loaded })
            {
                t.Clock.Advance(TimeSpan.FromMinutes(10));
                Assert.False(t.Store.HasPendingProcessing);
                Assert.Equal(4, t.Store.GetSku(e3.SkuId)!.ConsumedUnits);
                Assert.Equal(users.Select(u => u.Id), t.Store.FindGroup(dynamic.Id)!.Members);
                Assert.Equal("ProcessingComplete", t.Store.FindGroup(licensed.Id)!.LicenseProcessingState);
            }

            tenant.SaveSnapshot(first);
            loaded.SaveSnapshot(second);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Garbled_or_foreign_snapshots_are_rejected_with_a_reason()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var garbled = Path.Combine(dir.FullName, "garbled.json");
            File.WriteAllText(garbled, "{ not json");
            Assert.Contains("not a valid simulator snapshot", Assert.Throws<SimulatorSnapshotException>(() => SimulatedTenant.LoadSnapshot(garbled)).Message);
            var future = Path.Combine(dir.FullName, "future.json");
            File.WriteAllText(future, "{\"formatVersion\":99}");
            Assert.Contains("format version 99", Assert.Throws<SimulatorSnapshotException>(() => SimulatedTenant.LoadSnapshot(future)).Message);
            Assert.Throws<SimulatorSnapshotException>(() => SimulatedTenant.LoadSnapshot(Path.Combine(dir.FullName, "missing.json")));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Demo_tenant_has_the_governance_scenarios()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 2000, Now = SimulatorFixture.Now });
        var users = tenant.Store.Users;
        var now = tenant.Clock.UtcNow;
        Assert.Equal(2000, users.Count);
        Assert.InRange(users.Count(u => u.UserType == "Guest"), 15, 70);
        Assert.Contains(users, u => u.EmployeeLeaveDateTime < now && u.AccountEnabled);
        Assert.Contains(users, u => !u.AccountEnabled && u.LicenseAssignmentStates.Count > 0);
        Assert.Contains(users, u => u.SignInActivity == null);
        Assert.Contains(users, u => u.SignInActivity?.LastSuccessfulSignInDateTime == null && u.SignInActivity?.LastSignInDateTime != null);
        Assert.Contains(users, u => u.SignInActivity?.LastSuccessfulSignInDateTime < now.AddDays(-90));
        Assert.Contains(users, u => u.LicenseAssignmentStates.Any(s => s.AssignedByGroup != null));
        Assert.Contains(users, u => u.ExtensionAttributes[9] == "E3 All");
        Assert.True(users.Count(u => u.ManagerId != null) > 1900);
        Assert.Equal(10, users.Select(u => u.Department).Where(d => d != null).Distinct().Count());
        foreach (var sku in tenant.Store.Skus)
        {
            Assert.True(sku.ConsumedUnits <= sku.PrepaidEnabled, sku.SkuPartNumber);
            Assert.Equal(users.Count(u => u.LicenseAssignmentStates.Any(s => s.SkuId == sku.SkuId && s.HoldsSeat)), sku.ConsumedUnits);
        }

        Assert.Contains(tenant.Store.Skus, s => s.PrepaidEnabled - s.ConsumedUnits == 1);
        Assert.All(tenant.Store.Groups.Where(g => g.AssignedLicenses.Count > 0), g => Assert.Equal("ProcessingComplete", g.LicenseProcessingState));
        Assert.False(tenant.Store.HasPendingProcessing);
        tenant.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(tenant.Store.Groups.Single(g => g.DisplayName == "DYN-E3-All").Members);
        Assert.Equal(SkuCatalog.SkuId("SPE_E3"), Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965"));
    }

    [Fact]
    public async Task Large_tenant_seeds_and_pages_every_user_once()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 100000 }, new SimulatorOptions { Throttling = new LicenseGovernance.Simulator.Throttling.ThrottlingOptions { Enabled = false } });
        using var client = SimulatorFixture.Client(tenant);
        string? next = "users?$select=id,userPrincipalName,accountEnabled,assignedLicenses,licenseAssignmentStates&$top=999";
        var count = 0;
        var ids = new HashSet<string>();
        while (next != null)
        {
            var page = await SimulatorFixture.ReadJson(await client.GetAsync(next));
            foreach (var user in page.GetProperty("value").EnumerateArray())
            {
                count++;
                ids.Add(user.GetProperty("id").GetString()!);
            }

            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal(100000, count);
        Assert.Equal(100000, ids.Count);
        // Speed is the benchmark's to report (tests/LicenseGovernance.Benchmarks); a timed assertion here only measures the machine's load.
    }

    [Fact]
    public async Task A_clock_that_follows_real_time_still_advances_on_demand_and_never_runs_backwards()
    {
        var clock = new SimulatorClock(SimulatorFixture.Now);
        clock.FollowRealTime();
        await Task.Delay(50);
        var moved = clock.UtcNow;
        Assert.True(moved > SimulatorFixture.Now);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(clock.UtcNow >= moved.AddHours(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(moved));
        clock.Set(moved.AddHours(2));
        Assert.True(clock.UtcNow >= moved.AddHours(2));
        Assert.True(clock.FollowsRealTime);
    }

    [Fact]
    public void Clock_never_runs_backwards()
    {
        var clock = new SimulatorClock(SimulatorFixture.Now);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(SimulatorFixture.Now));
        Assert.Equal(SimulatorFixture.Now.AddMinutes(1), clock.UtcNow);
    }

    private static byte[] Decompress(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
