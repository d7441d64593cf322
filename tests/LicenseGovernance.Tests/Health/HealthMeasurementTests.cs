using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>Get-LicenseHealth against a simulated tenant: every component counted from the tenant, each checked against the tenant's own state.</summary>
public sealed class HealthMeasurementTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 120);

    public void Dispose() => _fx.Dispose();

    private async Task<LicenseHealth> HealthAsync(CollectingSink? sink = null)
    {
        sink ??= new CollectingSink();
        await _fx.Engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), sink);
        Assert.Empty(sink.Errors);
        return Assert.Single(sink.Of<LicenseHealth>());
    }

    private static LicenseHealthComponent Component(LicenseHealth health, string name) => health.Components.Single(c => c.Name == name);

    /// <summary>
    /// Tiers 1 (baseline), 2 and 3; four new users in tier 1, two of them also in tier 3 (a conflict); a tier 3 assignment
    /// that ends, a tier 2 assignment and a baseline assignment that never do; one licensed group with an owner.
    /// </summary>
    private async Task<(int TierUsers, int Conflicting)> GovernAsync()
    {
        await _fx.NewTierAsync("LIC-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);
        await _fx.NewTierAsync("LIC-Tier2", new[] { "SPE_E3" }, tier: 2);
        await _fx.NewTierAsync("LIC-Tier3", new[] { "SPE_E5" }, tier: 3);
        var store = _fx.Tenant.Store;
        var tier1 = store.Groups.Single(g => g.DisplayName == "LIC-Tier1");
        var tier3 = store.Groups.Single(g => g.DisplayName == "LIC-Tier3");
        for (var i = 0; i < 4; i++)
        {
            var (user, _) = _fx.Tenant.NewRequestor("tiered" + i);
            store.AddMember(tier1.Id, user.Id);
            if (i < 2)
            {
                store.AddMember(tier3.Id, user.Id);
            }
        }

        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-Tier3", ExpirationDays = 180 });
        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-Tier2", NoExpiration = true, AllowNoExpiration = true });
        // The baseline is meant to be held without end: its package's endless assignment is not counted.
        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-Tier1", NoExpiration = true, AllowNoExpiration = true });
        var (baseline, _) = _fx.Tenant.NewRequestor("baseline");
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = baseline.UserPrincipalName, Tier = "LIC-Tier1", Justification = "Everyone" });
        var (ends, _) = _fx.Tenant.NewRequestor("ends");
        var (forever, _) = _fx.Tenant.NewRequestor("forever");
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = ends.UserPrincipalName, Tier = "LIC-Tier3", Days = 30, Justification = "Project" });
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = forever.UserPrincipalName, Tier = "LIC-Tier2", Justification = "Standing" });
        store.AddOwner(store.Groups.Single(g => g.DisplayName == "LIC-M365-E3").Id, forever.Id);
        _fx.Tenant.Settle();
        return (7, 2);
    }

    /// <summary>
    /// The groups carrying a licence are listed once for the whole score (one filtered listing per SKU, the tenant's
    /// unlicensed groups never read), and so are the access packages and their assignments, the zombie scan taking what
    /// the score read; each licensed group's tier record and owners are read twenty groups to a $batch.
    /// </summary>
    [Fact]
    public async Task LicensedGroupsAndAccessPackagesAreListedOnce_PerGroupReadsGoTwentyToABatch()
    {
        await GovernAsync();
        var store = _fx.Tenant.Store;
        for (var i = 0; i < 1_200; i++)
        {
            // More unlicensed groups than a page holds: a listing of every group would take two pages at each pass.
            store.AddGroup("Project " + i);
        }

        var licensed = store.Groups.Count(g => g.AssignedLicenses.Count > 0);
        _fx.Tenant.Statistics.Reset();

        await HealthAsync();

        var stats = _fx.Tenant.Statistics;
        var routes = string.Join(", ", stats.PerRoute.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + "=" + r.Value));
        Assert.True(store.Skus.Count == stats.CountFor("GET /groups"), "one group listing per SKU: " + routes);
        Assert.True(stats.CountFor("GET /identityGovernance/entitlementManagement/accessPackages") == 1, routes);
        Assert.True(stats.CountFor("GET /identityGovernance/entitlementManagement/assignments") == 1, routes);
        Assert.Equal(licensed, stats.CountFor("GET /groups/{id}/owners"));
        Assert.Equal(licensed, stats.CountFor("GET /groups/{id}/extensions/{id}"));
        Assert.Equal(2 * (int)Math.Ceiling(licensed / 20.0), stats.CountFor("POST /$batch"));
    }

    [Fact]
    public async Task EveryComponentIsCountedFromTheTenant()
    {
        var (tierUsers, conflicting) = await GovernAsync();
        var sink = new CollectingSink();

        var health = await HealthAsync(sink);

        // What the simulator holds, counted here without the engine.
        var store = _fx.Tenant.Store;
        var skuIds = store.Skus.Select(s => s.SkuId).ToHashSet();
        var licensed = store.Users.Where(u => u.LicenseAssignmentStates.Count > 0).ToList();
        var pairs = licensed.SelectMany(u => u.LicenseAssignmentStates.Where(s => skuIds.Contains(s.SkuId)).GroupBy(s => s.SkuId)).ToList();
        var inError = licensed.Count(u => u.LicenseAssignmentStates.Any(s => s.State == "Error" || s.State == "ActiveWithError"));
        Assert.True(inError > 0, "the demo tenant has users in licence errors");

        Assert.Equal(licensed.Count, health.LicensedUsers);
        var errors = Component(health, "LicenseErrors");
        Assert.Equal((inError, licensed.Count), ((int)errors.Affected, (int)errors.OutOf));
        var direct = Component(health, "DirectAssignments");
        Assert.Equal((pairs.Count(p => p.Any(s => s.AssignedByGroup == null)), pairs.Count), ((int)direct.Affected, (int)direct.OutOf));

        var ungoverned = Component(health, "Ungoverned");
        var licensedGroups = store.Groups.Count(g => g.AssignedLicenses.Count > 0);
        Assert.Equal(7, licensedGroups);
        // One of two non-baseline package assignments never ends; six of seven licensed groups have no owner.
        Assert.Equal((1m + 6m, 2m + 7m), (ungoverned.Affected, ungoverned.OutOf));
        Assert.Contains("1 of 2 access package assignment(s) with no end date", ungoverned.Detail);
        Assert.Contains("6 of 7 licensed group(s) with no owner", ungoverned.Detail);

        var conflicts = Component(health, "ConflictingTiers");
        Assert.Equal((conflicting, tierUsers), ((int)conflicts.Affected, (int)conflicts.OutOf));
        Assert.Equal(0.0, conflicts.Points); // a third of tier users in two tiers is beyond the 10% that gives nothing

        // The waste component is the zombie scanner's figures: the same as Get-LicenseUtilization.
        var utilization = new CollectingSink();
        await _fx.Engine.GetLicenseUtilizationAsync(new GetZombieLicenseRequest(), utilization);
        var rows = utilization.Of<LicenseUtilization>().Where(u => u.MonthlyPrice != null).ToList();
        var waste = Component(health, "Waste");
        Assert.Equal(rows.Sum(r => r.WastedMonthlyCost!.Value), waste.Affected);
        Assert.Equal(rows.Sum(r => r.PurchasedMonthlyCost!.Value), waste.OutOf);
        Assert.Equal(waste.Affected, health.MonthlyWaste);
        Assert.True(waste.Affected > 0);

        // The score is the calculator's over exactly these components.
        var expected = (int)Math.Round(100.0 * health.Components.Sum(c => c.Weight * (1 - Math.Min(1, c.Value / c.ZeroAt))) / 100, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, health.Score);
        Assert.Contains(sink.Progress, p => p.ActivityId == ProgressActivity.LicenseHealth && p.Completed);

        // The zombie scan's bar is a step of the health measurement's, so a host draws it nested, not as a second bar.
        var scan = sink.Progress.Where(p => p.ActivityId == ProgressActivity.ListUsers).ToList();
        Assert.NotEmpty(scan);
        Assert.All(scan, p => Assert.Equal(ProgressActivity.LicenseHealth, p.ParentActivityId));
        Assert.All(sink.Progress.Where(p => p.ActivityId == ProgressActivity.LicenseHealth), p => Assert.Equal(-1, p.ParentActivityId));
    }

    [Fact]
    public async Task FixingWhatAComponentCountsRaisesIt()
    {
        await GovernAsync();
        var before = await HealthAsync();

        // An owner for every licensed group, and the conflicting users out of tier 1.
        var store = _fx.Tenant.Store;
        var owner = store.Users.First(u => u.UserType == "Member");
        foreach (var group in store.Groups.Where(g => g.AssignedLicenses.Count > 0 && g.Owners.Count == 0))
        {
            store.AddOwner(group.Id, owner.Id);
        }

        var tier1 = store.Groups.Single(g => g.DisplayName == "LIC-Tier1");
        foreach (var id in store.Groups.Single(g => g.DisplayName == "LIC-Tier3").Members.Where(tier1.Members.Contains).ToList())
        {
            store.RemoveMember(tier1.Id, id);
        }

        _fx.Tenant.Settle();
        var after = await HealthAsync();

        Assert.Equal(1m, Component(after, "Ungoverned").Affected);
        Assert.Equal(0m, Component(after, "ConflictingTiers").Affected);
        Assert.Equal(10.0, Component(after, "ConflictingTiers").Points);
        Assert.True(after.Score > before.Score, $"{after.Score} > {before.Score}");
    }

    [Fact]
    public async Task WithoutEntitlementManagementTheOtherPartsAreStillCountedAndItSaysSo()
    {
        await GovernAsync();
        var reader = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Health reader", null, new[] { "User.Read.All", "Group.Read.All", "LicenseAssignment.Read.All", "AuditLog.Read.All", "User-LifeCycleInfo.Read.All" });
        _fx.Engine.ConnectSimulator(_fx.Tenant, reader);
        var sink = new CollectingSink();

        var health = await HealthAsync(sink);

        var ungoverned = Component(health, "Ungoverned");
        Assert.True(ungoverned.Measured);
        Assert.Equal((6m, 7m), (ungoverned.Affected, ungoverned.OutOf));
        Assert.Contains(sink.Warnings, w => w.StartsWith("Access package assignments could not be read", StringComparison.Ordinal));
        Assert.Contains(health.Warnings, w => w.StartsWith("Access package assignments could not be read", StringComparison.Ordinal));
    }

    /// <summary>
    /// The licence states the score counts (errors, direct assignments, tiers) arrive with the zombie scan's users, so the
    /// users are listed once, at the page size Graph allows with signInActivity (500), and not a second time.
    /// </summary>
    [Fact]
    public async Task UsersAreListedOnceForTheWholeScore()
    {
        await GovernAsync();
        _fx.Tenant.Statistics.Reset();

        await HealthAsync();

        var users = _fx.Tenant.Store.UserCount;
        // One page of 500 holds this tenant: a second listing would double the count.
        Assert.Equal((users + 499) / 500, _fx.Tenant.Statistics.CountFor("GET /users"));
    }

    /// <summary>A tenant with no users, SKUs or groups: nothing to divide by, and nothing wrong, so every component gives its weight.</summary>
    [Fact]
    public async Task AnEmptyTenantScoresItsFullWeightsWithoutDividingByZero()
    {
        using var fx = new EngineFixture(tenant: SimulatedTenant.CreateEmpty());
        var sink = new CollectingSink();

        await fx.Engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), sink);

        Assert.Empty(sink.Errors);
        var health = Assert.Single(sink.Of<LicenseHealth>());
        Assert.Equal(100, health.Score);
        Assert.All(health.Components, c =>
        {
            Assert.True(c.Measured, c.Name);
            Assert.Equal(0.0, c.Value);
            Assert.Equal(c.Weight, c.Points);
        });
        Assert.Equal(0, health.LicensedUsers);
        Assert.Equal(0m, health.MonthlySpend);
    }
}
