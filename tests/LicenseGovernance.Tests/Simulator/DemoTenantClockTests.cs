using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>The demo tenant starts today unless pinned, and everything it seeds is dated relative to that start.</summary>
public class DemoTenantClockTests
{
    [Fact]
    public void An_unpinned_demo_tenant_starts_now_and_its_history_lies_before_it()
    {
        var before = DateTimeOffset.UtcNow;
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 200 });
        var after = DateTimeOffset.UtcNow;

        var start = tenant.Clock.UtcNow;
        Assert.InRange(start, before, after.AddSeconds(1));
        Assert.Equal(TimeSpan.Zero, start.Offset);
        var users = tenant.Store.Users;
        Assert.All(users, u => Assert.True(u.CreatedDateTime <= start));
        Assert.All(users.Where(u => u.SignInActivity?.LastSignInDateTime != null), u => Assert.True(u.SignInActivity!.LastSignInDateTime <= start));
        // Someone signed in within the last month: the history reaches up to today, not to a fixed date.
        Assert.Contains(users, u => u.SignInActivity?.LastSignInDateTime > start.AddDays(-31));
    }

    [Fact]
    public void Every_seeded_date_keeps_its_distance_from_the_start()
    {
        var first = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var later = new DateTimeOffset(2029, 5, 17, 9, 0, 0, TimeSpan.Zero);
        var a = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 300, Now = first });
        var b = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 300, Now = later });

        Assert.Equal(later, b.Clock.UtcNow);
        var pairs = a.Store.Users.Zip(b.Store.Users).ToList();
        Assert.All(pairs, p => Assert.Equal(p.First.UserPrincipalName, p.Second.UserPrincipalName));
        Assert.All(pairs, p => Assert.Equal(p.First.CreatedDateTime - first, p.Second.CreatedDateTime - later));
        Assert.All(pairs, p => Assert.Equal(p.First.EmployeeHireDate - first, p.Second.EmployeeHireDate - later));
        Assert.All(pairs, p => Assert.Equal(p.First.EmployeeLeaveDateTime - first, p.Second.EmployeeLeaveDateTime - later));
        Assert.All(pairs, p => Assert.Equal(p.First.SignInActivity?.LastSignInDateTime - first, p.Second.SignInActivity?.LastSignInDateTime - later));
        Assert.All(pairs, p => Assert.Equal(p.First.SignInActivity?.LastNonInteractiveSignInDateTime - first, p.Second.SignInActivity?.LastNonInteractiveSignInDateTime - later));
        Assert.All(pairs, p => Assert.Equal(p.First.Usage?.ExchangeLastActivity - first, p.Second.Usage?.ExchangeLastActivity - later));
        Assert.All(a.Store.Groups.Zip(b.Store.Groups), p => Assert.Equal(p.First.CreatedDateTime - first, p.Second.CreatedDateTime - later));
    }
}
