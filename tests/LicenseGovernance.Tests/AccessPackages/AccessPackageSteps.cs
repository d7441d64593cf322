using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.AccessPackages;

/// <summary>Plans and applies access-package requests the way the cmdlets do, against a simulated tenant.</summary>
internal static class AccessPackageSteps
{
    public static async Task<TierAccessPackage> NewPackageAsync(this EngineFixture fx, TierAccessPackageRequest request)
    {
        var plan = await fx.Engine.PlanTierAccessPackageAsync(request, new CollectingSink());
        return await fx.Engine.ApplyTierAccessPackagePlanAsync(plan, new CollectingSink());
    }

    public static async Task<GovernanceError> PackageFailsAsync(this EngineFixture fx, TierAccessPackageRequest request)
    {
        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.PlanTierAccessPackageAsync(request, new CollectingSink()));
        return ex.Error;
    }

    public static async Task<TierAssignmentRequestInfo> AssignAsync(this EngineFixture fx, AddTierAssignmentRequest request)
    {
        var plan = await fx.Engine.PlanAddTierAssignmentAsync(request, new CollectingSink());
        return await fx.Engine.ApplyTierAssignmentPlanAsync(plan, new CollectingSink());
    }

    public static async Task<List<TierAssignment>> AssignmentsAsync(this EngineFixture fx, GetTierAssignmentRequest? request = null)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetTierAssignmentsAsync(request ?? new GetTierAssignmentRequest(), sink);
        Assert.Empty(sink.Errors);
        return sink.Of<TierAssignment>().ToList();
    }

    public static async Task<List<TierAssignmentRequestInfo>> RequestsAsync(this EngineFixture fx, GetTierAssignmentRequestQuery? request = null)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetTierAssignmentRequestsAsync(request ?? new GetTierAssignmentRequestQuery(), sink);
        Assert.Empty(sink.Errors);
        return sink.Of<TierAssignmentRequestInfo>().ToList();
    }

    /// <summary>A member user with a usage location and a manager, holding no licence: a clean requestor.</summary>
    public static (SimulatedUser User, SimulatedUser Manager) NewRequestor(this SimulatedTenant tenant, string name, string userType = "Member")
    {
        var manager = tenant.Store.AddUser(name + ".manager@" + tenant.DefaultDomain, u => u.UsageLocation = "US");
        var user = tenant.Store.AddUser(name + "@" + tenant.DefaultDomain, u =>
        {
            u.UsageLocation = "US";
            u.UserType = userType;
            u.ManagerId = manager.Id;
        });
        return (user, manager);
    }

    public static bool HoldsSku(this SimulatedTenant tenant, Guid userId, string skuPartNumber)
    {
        var sku = tenant.Store.Skus.Single(s => s.SkuPartNumber == skuPartNumber);
        return tenant.Store.GetUser(userId).LicenseAssignmentStates.Any(s => s.SkuId == sku.SkuId && s.HoldsSeat);
    }
}
