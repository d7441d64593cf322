using LicenseGovernance.Requests;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;

namespace LicenseGovernance.Tests.Simulation;

/// <summary>The rehearsal the issue asks for, set up the way an administrator would: a Tier 3 assignment that ends soon.</summary>
internal static class SimulationSteps
{
    /// <summary>A new, unlicensed user given the Tier 3 package (SPE_E5) by an administrator for <paramref name="days"/> days; not yet licensed.</summary>
    public static async Task<SimulatedUser> AssignExpiringTier3Async(this EngineFixture fx, string name, int days)
    {
        await fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = 30 });
        var (user, _) = fx.Tenant.NewRequestor(name);
        await fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3", Days = days, Justification = "Rehearsal" });
        return user;
    }
}
