using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Waste;

/// <summary>Runs the waste commands the way the cmdlets do, and judges seeded users straight from the simulator's model.</summary>
internal static class WasteSteps
{
    public static async Task<(List<ZombieLicense> Zombies, CollectingSink Sink)> ZombiesAsync(this EngineFixture fx, GetZombieLicenseRequest? request = null)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetZombieLicensesAsync(request ?? new GetZombieLicenseRequest(), sink);
        Assert.Empty(sink.Errors);
        return (sink.Of<ZombieLicense>().ToList(), sink);
    }

    public static async Task<List<LicenseUtilization>> UtilizationAsync(this EngineFixture fx, GetZombieLicenseRequest? request = null)
    {
        var sink = new CollectingSink();
        await fx.Engine.GetLicenseUtilizationAsync(request ?? new GetZombieLicenseRequest(), sink);
        Assert.Empty(sink.Errors);
        return sink.Of<LicenseUtilization>().ToList();
    }

    public static async Task<(List<ZombieLicenseRemoval> Results, ZombieLicenseRemovalSummary Summary, CollectingSink Sink)> RemoveAsync(
        this EngineFixture fx, IEnumerable<ZombieLicense> licenses, bool includeMailbox = true, bool confirm = true, bool? whatIf = null)
    {
        // Not confirming stands for -WhatIf unless the test says it is a declined confirmation.
        var sink = new CollectingSink { Decide = (_, _) => confirm };
        var request = new RemoveZombieLicenseRequest { Licenses = licenses.ToArray(), IncludeMailboxLicenses = includeMailbox, WhatIf = whatIf ?? !confirm };
        var summary = await fx.Engine.RemoveZombieLicensesAsync(request, sink);
        Assert.Empty(sink.Of<ZombieLicenseRemovalSummary>());
        return (sink.Of<ZombieLicenseRemoval>().ToList(), summary, sink);
    }

    /// <summary>Whether the user holds a seat of the SKU by any path, read from the model.</summary>
    public static bool HoldsSeat(SimulatedUser user, Guid skuId) => user.LicenseAssignmentStates.Any(s => s.SkuId == skuId && s.HoldsSeat);

    public static bool IsDeparted(SimulatedUser user, DateTimeOffset now) => user.EmployeeLeaveDateTime.HasValue && user.EmployeeLeaveDateTime.Value <= now;

    /// <summary>
    /// Document 001's "inactive": no sign-in for more than <paramref name="days"/> days, written out here from the model's fields
    /// (successful sign-in, else the later of the interactive and non-interactive ones) rather than through the engine's rules.
    /// A never-used account counts once it is older than the threshold.
    /// </summary>
    public static bool IsInactive(SimulatedUser user, DateTimeOffset now, int days = 90)
    {
        var threshold = now.AddDays(-days);
        var a = user.SignInActivity;
        DateTimeOffset? last = a?.LastSuccessfulSignInDateTime;
        if (last == null && a != null)
        {
            var candidates = new[] { a.LastSignInDateTime, a.LastNonInteractiveSignInDateTime }.Where(d => d.HasValue).Select(d => d!.Value).ToList();
            last = candidates.Count == 0 ? null : candidates.Max();
        }

        return last == null ? user.CreatedDateTime <= threshold : last.Value < threshold;
    }

    public static bool IsZombie(SimulatedUser user, DateTimeOffset now, int days = 90) =>
        !user.AccountEnabled || IsDeparted(user, now) || IsInactive(user, now, days);

    public static SimulatedPrincipal Without(this SimulatedTenant tenant, params string[] permissions) =>
        new SimulatedPrincipal(tenant.DefaultPrincipal.AppId, "Limited app", null, tenant.DefaultPrincipal.Permissions.Except(permissions));
}
