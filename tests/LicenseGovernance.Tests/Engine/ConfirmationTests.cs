using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.AccessPackages;
using Xunit;

namespace LicenseGovernance.Tests.Engine;

/// <summary>
/// The confirmation rule (docs/ARCHITECTURE.md): a single-target change is planned by the engine and confirmed once by its
/// cmdlet, so applying the confirmed plan must not ask again through the sink.
/// </summary>
public sealed class ConfirmationTests
{
    [Fact]
    public async Task ApplyingAConfirmedPlanAsksNothingMore()
    {
        using var fx = new EngineFixture(users: 60);
        var sink = new CollectingSink();

        foreach (var request in new[]
        {
            new TierGroupRequest { Name = "LIC-M365-Tier3", CreateIfMissing = true, Sku = new[] { "SPE_E5" }, Rank = 3 },
            new TierGroupRequest { Name = "LIC-M365-Tier3", Description = "Premium" },
        })
        {
            await fx.Engine.ApplyTierGroupPlanAsync(await fx.Engine.PlanTierGroupAsync(request, sink), sink);
        }

        var package = await fx.Engine.PlanTierAccessPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3" }, sink);
        await fx.Engine.ApplyTierAccessPackagePlanAsync(package, sink);
        var (user, _) = fx.Tenant.NewRequestor("confirmed");
        var add = await fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3" }, sink);
        await fx.Engine.ApplyTierAssignmentPlanAsync(add, sink);
        var remove = await fx.Engine.PlanRemoveTierAssignmentAsync(new RemoveTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3" }, sink);
        await fx.Engine.ApplyTierAssignmentPlanAsync(remove, sink);
        await fx.Engine.ApplyTierGroupPlanAsync(await fx.Engine.PlanRemoveTierGroupAsync(new RemoveTierGroupRequest { Group = "LIC-M365-Tier3", Force = true }, sink), sink);

        Assert.Empty(sink.Errors);
        Assert.Empty(sink.ShouldProcessQuestions);
    }
}
