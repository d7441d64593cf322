using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Migration;

/// <summary>Document 004's organisation and the checks every migration test makes of it.</summary>
internal static class MigrationSteps
{
    public const string Sku = "ENTERPRISEPACK";

    public const string Group = "All users";

    public static EngineFixture Document004(int users = 1000, int planDifference = 100, int noLocation = 30, int existingMembers = 200, SimulatorOptions? options = null) =>
        new(tenant: LegacyDirectLicenseTenant.Create(new LegacyDirectLicenseOptions
        {
            Users = users, PlanDifferenceUsers = planDifference, NoUsageLocationUsers = noLocation, ExistingMembers = existingMembers,
        }, options));

    /// <summary>
    /// Runs the migration; the sink holds the per-user results the engine wrote (never a summary without
    /// <see cref="MoveDirectToGroupLicenseRequest.Summary"/>) and then the summary it returned, for <see cref="Summary"/>.
    /// </summary>
    public static async Task<CollectingSink> MoveAsync(this EngineFixture fx, MoveDirectToGroupLicenseRequest? request = null, CollectingSink? sink = null)
    {
        sink ??= new CollectingSink();
        request ??= new MoveDirectToGroupLicenseRequest { Sku = Sku, Group = Group };
        var summary = await fx.Engine.MoveDirectToGroupLicenseAsync(request, sink);
        Assert.Equal(request.Summary, sink.Of<DirectToGroupMigrationSummary>().Any());
        if (!request.Summary)
        {
            sink.WriteObject(summary);
        }

        return sink;
    }

    public static DirectToGroupMigrationSummary Summary(this CollectingSink sink) => Assert.Single(sink.Of<DirectToGroupMigrationSummary>());

    public static SimulatedSku E3(this SimulatedTenant tenant) => tenant.Store.Skus.Single(s => s.SkuPartNumber == Sku);

    public static SimulatedGroup AllUsers(this SimulatedTenant tenant) => tenant.Store.Groups.Single(g => g.DisplayName == Group);

    public static bool HoldsDirect(this SimulatedUser user, Guid skuId) => user.LicenseAssignmentStates.Exists(s => s.SkuId == skuId && s.AssignedByGroup == null);

    public static LicenseAssignmentState? FromGroup(this SimulatedUser user, Guid skuId, Guid groupId) =>
        user.LicenseAssignmentStates.Find(s => s.SkuId == skuId && s.AssignedByGroup == groupId);

    /// <summary>The per-user timeline shows no instant, from seeding to now, at which any user was without the SKU.</summary>
    public static void AssertNoInstantWithout(this SimulatedTenant tenant, Guid skuId)
    {
        var timeline = tenant.Store.LicenseTimeline;
        var gaps = tenant.Store.Users
            .Select(u => (u.UserPrincipalName, Gaps: timeline.Gaps(u.Id, new[] { skuId }, DateTimeOffset.MinValue.AddTicks(1), tenant.Clock.UtcNow, heldWhenUnchanged: true)))
            .Where(g => g.Gaps.Count > 0)
            .ToList();
        Assert.True(gaps.Count == 0, $"{gaps.Count} user(s) were without the SKU at some instant, first {gaps.FirstOrDefault().UserPrincipalName} at {gaps.FirstOrDefault().Gaps?.FirstOrDefault():O}.");
    }

    /// <summary>No direct assignment was removed twice: one direct loss per user at most, and Graph never refused a removal as already done.</summary>
    public static void AssertNoDuplicateRemovals(this SimulatedTenant tenant, Guid skuId)
    {
        Assert.All(tenant.Store.Users, u => Assert.True(tenant.Store.LicenseTimeline.Losses(u.Id, skuId, null) <= 1, u.UserPrincipalName + " lost its direct licence more than once."));
        Assert.Equal(0, tenant.Statistics.ServedWith("POST /users/{id}/assignLicense", 400));
    }
}
