using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// The README's tiers on a simulated tenant (Tier1 = SPE_F1 baseline, Tier2 = SPE_E3, Tier3 = SPE_E5, each above the
/// baseline with its access package), and the checks every tier lifecycle test makes of the licence timeline.
/// </summary>
internal static class LifecycleSteps
{
    public const string Tier1 = "LIC-M365-Tier1";
    public const string Tier2 = "LIC-M365-Tier2";
    public const string Tier3 = "LIC-M365-Tier3";

    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A tenant with <paramref name="users"/> users, all in the Tier1 baseline and settled, and the three tiers' packages.</summary>
    public static async Task<EngineFixture> TiersAsync(int users = 20, SimulatorOptions? options = null)
    {
        var tenant = SimulatedTenant.CreateEmpty(Start, options);
        tenant.Store.AddSku("SPE_F1", users + 50);
        tenant.Store.AddSku("SPE_E3", users + 50);
        tenant.Store.AddSku("SPE_E5", users + 50);
        var manager = tenant.Store.AddUser("manager@" + tenant.DefaultDomain, u => u.UsageLocation = "US");
        for (var i = 0; i < users; i++)
        {
            tenant.Store.AddUser($"user{i:D4}@{tenant.DefaultDomain}", u =>
            {
                u.UsageLocation = "US";
                u.ManagerId = manager.Id;
            });
        }

        var fx = new EngineFixture(tenant: tenant);
        await fx.NewTierAsync(Tier1, new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync(Tier2, new[] { "SPE_E3" }, tier: 2);
        await fx.NewTierAsync(Tier3, new[] { "SPE_E5" }, tier: 3);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier2, ExpirationDays = 365 });
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = Tier3, ExpirationDays = 365 });
        var baseline = tenant.Group(Tier1);
        foreach (var user in tenant.Workers())
        {
            tenant.Store.AddMember(baseline.Id, user.Id);
        }

        tenant.Settle();
        return fx;
    }

    /// <summary>
    /// An administrator's adminAdd of the tier's package straight into the tenant, as Add-TierAssignment sends it, delivered:
    /// the user joins the tier group whatever else they hold (the issue's own way into two tiers). Delivery is asynchronous,
    /// so the tenant's pending work runs at once (the clock does not move).
    /// </summary>
    public static void AdminAdd(this SimulatedTenant tenant, Guid userId, string tier, DateTimeOffset end)
    {
        var assignment = tenant.Request(userId, tier, end);
        tenant.Store.ProcessPendingNow();
        Assert.True(assignment.DeliveryStalled || tenant.Group(tier).MemberSet.Contains(userId));
    }

    /// <summary>From now on, this share of new assignments stalls in delivering until Entra's retry (six hours on by default).</summary>
    public static void StallDeliveries(this SimulatedTenant tenant, double share) => tenant.Store.Options.AccessPackageDeliveryStallProbability = share;

    /// <summary>The users whose assignment is stalled in delivering.</summary>
    public static HashSet<Guid> Stalled(this SimulatedTenant tenant) => tenant.Store.AccessPackageAssignments.Where(a => a.DeliveryStalled).Select(a => a.TargetId).ToHashSet();

    /// <summary>
    /// The hourly scheduled runs until Entra has retried the stalled deliveries, and one more: a run in between bridges what
    /// ends meanwhile, the last finishes the moves that waited. Every run's results, in order.
    /// </summary>
    public static async Task<List<TierMoveResult>> HourlyUntilDeliveredAsync(this EngineFixture fx)
    {
        var tenant = fx.Tenant;
        Assert.NotEmpty(tenant.Stalled());
        var retried = tenant.Clock.UtcNow + tenant.Store.Options.AccessPackageStalledDeliveryRetry!.Value;
        var results = new List<TierMoveResult>();
        while (tenant.Clock.UtcNow <= retried + TimeSpan.FromHours(1))
        {
            tenant.Clock.Advance(TimeSpan.FromHours(1));
            results.AddRange((await fx.SyncAsync()).Of<TierMoveResult>());
        }

        return results;
    }

    /// <summary>A move's result once its delivery is done: one that waited on a stalled delivery, as the scheduled runs finish it.</summary>
    public static async Task<TierMoveResult> DeliveredAsync(this EngineFixture fx, TierMoveResult result)
    {
        if (result.Outcome != TierMoveOutcome.Waiting)
        {
            return result;
        }

        Assert.Contains("stalled", result.Remedy, StringComparison.Ordinal);
        return (await fx.HourlyUntilDeliveredAsync()).Last(r => r.UserId == result.UserId);
    }

    /// <summary>The adminAdd alone: the assignment is delivering until the tenant's delivery delay has passed.</summary>
    public static SimulatedAssignment Request(this SimulatedTenant tenant, Guid userId, string tier, DateTimeOffset end)
    {
        var package = tenant.Store.AccessPackages.Single(p => p.DisplayName == tier);
        var policy = tenant.Store.AssignmentPolicies.Single(p => p.AccessPackageId == package.Id);
        var request = tenant.Store.Write(() => tenant.Store.SubmitRequestCore(new SimulatedAssignmentRequest
        {
            RequestType = "adminAdd", AccessPackageId = package.Id, PolicyId = policy.Id, TargetId = userId, RequestedEnd = end,
        }));
        return tenant.Store.AccessPackageAssignments.Single(a => a.Id == request.AssignmentId);
    }

    public static IReadOnlyList<SimulatedUser> Workers(this SimulatedTenant tenant) => tenant.Store.Users.Where(u => u.UserPrincipalName.StartsWith("user", StringComparison.Ordinal)).ToList();

    public static SimulatedGroup Group(this SimulatedTenant tenant, string name) => tenant.Store.Groups.Single(g => g.DisplayName == name);

    public static Guid Sku(this SimulatedTenant tenant, string partNumber) => tenant.Store.Skus.Single(s => s.SkuPartNumber == partNumber).SkuId;

    public static async Task<CollectingSink> SyncAsync(this EngineFixture fx, SyncLicenseTierRequest? request = null, CollectingSink? sink = null)
    {
        sink ??= new CollectingSink();
        await fx.Engine.SyncLicenseTiersAsync(request ?? new SyncLicenseTierRequest(), sink);
        return sink;
    }

    public static async Task<TierMoveResult> MoveAsync(this EngineFixture fx, string user, string tier, DateTimeOffset? end = null, int waitSeconds = 900)
    {
        var plan = await fx.Engine.PlanUserTierMoveAsync(new MoveUserLicenseTierRequest { User = user, Tier = tier, EndDate = end, WaitTimeoutSeconds = waitSeconds }, new CollectingSink());
        return await fx.Engine.ApplyUserTierMovePlanAsync(plan, new CollectingSink());
    }

    public static TierMoveResult Result(this CollectingSink sink, Guid userId) => Assert.Single(sink.Of<TierMoveResult>(), r => r.UserId == userId);

    /// <summary>Each user is a member of exactly one tier group, holds its licences Active from it, and holds no tier SKU directly.</summary>
    public static void AssertOneTier(this SimulatedTenant tenant, IEnumerable<SimulatedUser> users, Func<SimulatedUser, string> expected)
    {
        var tiers = new[] { Tier1, Tier2, Tier3 }.Select(tenant.Group).ToList();
        var tierSkus = tiers.SelectMany(g => g.AssignedLicenses.Select(l => l.SkuId)).ToHashSet();
        foreach (var stale in users)
        {
            var user = tenant.Store.GetUser(stale.Id);
            var memberOf = tiers.Where(g => g.MemberSet.Contains(user.Id)).Select(g => g.DisplayName).ToList();
            Assert.True(memberOf.Count == 1 && memberOf[0] == expected(user), $"{user.UserPrincipalName} is in [{string.Join(", ", memberOf)}], expected {expected(user)}.");
            var tier = tiers.Single(g => g.DisplayName == expected(user));
            Assert.All(tier.AssignedLicenses, l => Assert.Contains(user.LicenseAssignmentStates, s => s.SkuId == l.SkuId && s.AssignedByGroup == tier.Id && s.State == "Active" && s.Error == null));
            Assert.DoesNotContain(user.LicenseAssignmentStates, s => s.AssignedByGroup == null && tierSkus.Contains(s.SkuId));
            Assert.DoesNotContain(user.LicenseAssignmentStates, s => s.AssignedByGroup != null && s.AssignedByGroup != tier.Id);
        }
    }

    /// <summary>Once the tenant's work is done, the user holds exactly <paramref name="tier"/>, and was never without a mailbox licence since <paramref name="from"/>.</summary>
    public static void AssertSettledIn(this SimulatedTenant tenant, SimulatedUser user, string tier, DateTimeOffset from)
    {
        tenant.Settle();
        tenant.AssertOneTier(new[] { user }, _ => tier);
        tenant.AssertNoGapNoConflict(new[] { user }, from);
    }

    /// <summary>The SKUs whose service plans include an Exchange Online mailbox: the README's three tiers' SKUs.</summary>
    public static List<Guid> MailboxSkus(this SimulatedTenant tenant) =>
        tenant.Store.Skus.Where(s => s.SkuPartNumber is "SPE_F1" or "SPE_E3" or "SPE_E5").Select(s => s.SkuId).ToList();

    /// <summary>From <paramref name="from"/> to now, no user was without a mailbox-bearing licence at any instant, and no licence was ever MutuallyExclusiveViolation.</summary>
    public static void AssertNoGapNoConflict(this SimulatedTenant tenant, IEnumerable<SimulatedUser> users, DateTimeOffset from)
    {
        var mailbox = tenant.MailboxSkus();
        var gaps = users.Select(u => (u.UserPrincipalName, Gaps: tenant.Store.LicenseTimeline.Gaps(u.Id, mailbox, from, tenant.Clock.UtcNow, heldWhenUnchanged: true)))
            .Where(g => g.Gaps.Count > 0).ToList();
        Assert.True(gaps.Count == 0, $"{gaps.Count} user(s) were without a mailbox licence, first {gaps.FirstOrDefault().UserPrincipalName} at {gaps.FirstOrDefault().Gaps?.FirstOrDefault():O}.");
        Assert.Empty(tenant.Store.LicenseErrors.Of("MutuallyExclusiveViolation").Where(e => e.At >= from));
    }
}
