using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Simulation;

/// <summary>Set-LicenseSimulatorUser's engine: properties checked before anything is read, a Graph PATCH, dynamic rules re-evaluated on the clock.</summary>
public sealed class SimulatorUserEngineTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private Task<LicenseSimulatorUserPlan> PlanAsync(string user, Dictionary<string, object?> properties) =>
        _fx.Engine.PlanSimulatorUserAsync(new SetSimulatorUserRequest { User = user, Property = properties }, new CollectingSink());

    private async Task<GovernanceError> RefusedAsync(string user, Dictionary<string, object?> properties) =>
        (await Assert.ThrowsAsync<LicenseGovernanceException>(() => PlanAsync(user, properties))).Error;

    [Fact]
    public async Task A_department_change_moves_the_user_into_a_dynamic_tier_once_the_rule_has_re_evaluated()
    {
        await _fx.NewTierAsync("LIC-Dynamic-E3", new[] { "SPE_E3" }, tier: 2, rule: "user.department -eq \"Rehearsal\"");
        _fx.Tenant.Settle();
        var (user, _) = _fx.Tenant.NewRequestor("mover");
        _fx.Tenant.Statistics.Reset();

        var plan = await PlanAsync(user.UserPrincipalName, new() { ["Department"] = "Rehearsal", ["extensionAttribute10"] = "E3 All" });
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
        Assert.Equal(new[] { ("department", (string?)null, (string?)"Rehearsal"), ("extensionAttribute10", null, "E3 All") },
            plan.Changes.Select(c => (c.Property, c.OldValue, c.NewValue)));
        Assert.Equal("{\"department\":\"Rehearsal\",\"onPremisesExtensionAttributes\":{\"extensionAttribute10\":\"E3 All\"}}", plan.Body);
        Assert.Contains("department: (none) -> 'Rehearsal'", ((IChangePlan)plan).Description);

        var changes = await _fx.Engine.ApplySimulatorUserPlanAsync(plan, new CollectingSink());

        Assert.Equal(1, _fx.Tenant.Statistics.CountFor("PATCH /users/{id}"));
        Assert.All(changes, c => Assert.Equal(_fx.Tenant.Clock.UtcNow, c.Changed));
        var stored = _fx.Tenant.Store.GetUser(user.Id);
        Assert.Equal(("Rehearsal", "E3 All"), (stored.Department, stored.ExtensionAttributes[9]));
        var tier = _fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-Dynamic-E3");
        Assert.DoesNotContain(user.Id, tier.Members);
        _fx.Tenant.Settle();
        Assert.Contains(user.Id, tier.Members);
        Assert.True(_fx.Tenant.HoldsSku(user.Id, "SPE_E3"));
    }

    [Fact]
    public async Task A_leaver_gets_a_leave_date_and_a_disabled_account_and_null_clears_a_value()
    {
        var (user, _) = _fx.Tenant.NewRequestor("leaver", userType: "Member");
        _fx.Tenant.Store.UpdateUser(user.Id, u => u.JobTitle = "Analyst");
        var leave = new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc);

        var plan = await PlanAsync(user.Id.ToString(), new() { ["employeeLeaveDateTime"] = leave, ["accountEnabled"] = false, ["jobTitle"] = null });
        Assert.Equal(new[] { ("employeeLeaveDateTime", (string?)null, (string?)"2026-03-31T17:00:00Z"), ("accountEnabled", "True", "False"), ("jobTitle", "Analyst", null) },
            plan.Changes.Select(c => (c.Property, c.OldValue, c.NewValue)));
        await _fx.Engine.ApplySimulatorUserPlanAsync(plan, new CollectingSink());

        var stored = _fx.Tenant.Store.GetUser(user.Id);
        Assert.Equal((new DateTimeOffset(leave), false, (string?)null), (stored.EmployeeLeaveDateTime!.Value, stored.AccountEnabled, stored.JobTitle));

        // Asked again, nothing differs: nothing is sent.
        _fx.Tenant.Statistics.Reset();
        var again = await PlanAsync(user.UserPrincipalName, new() { ["employeeLeaveDateTime"] = "2026-03-31T17:00:00Z", ["accountEnabled"] = false });
        Assert.True(((IChangePlan)again).IsNoChange);
        await _fx.Engine.ApplySimulatorUserPlanAsync(again, new CollectingSink());
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task Unknown_names_wrong_types_and_unknown_users_are_refused_before_anything_is_sent()
    {
        var (user, _) = _fx.Tenant.NewRequestor("checked");
        _fx.Tenant.Statistics.Reset();

        var unknown = await RefusedAsync(user.UserPrincipalName, new() { ["department"] = "Sales", ["costCentre"] = "42" });
        Assert.Equal(ErrorIds.SimulatorUserPropertyUnknown, unknown.Id);
        Assert.Contains("'costCentre'", unknown.Message);
        Assert.Contains("accountEnabled", unknown.Message);
        Assert.Contains("extensionAttribute15", unknown.Message);

        foreach (var (name, value) in new (string, object?)[] { ("accountEnabled", "no"), ("department", 42), ("department", ""), ("employeeLeaveDateTime", "soon"), ("extensionAttribute10", true) })
        {
            var invalid = await RefusedAsync(user.UserPrincipalName, new() { [name] = value });
            Assert.Equal(ErrorIds.SimulatorUserPropertyInvalid, invalid.Id);
            Assert.Contains(name, invalid.Message);
        }

        Assert.Equal(ErrorIds.SimulatorUserPropertiesEmpty, (await RefusedAsync(user.UserPrincipalName, new())).Id);
        Assert.Equal(0, _fx.Tenant.Statistics.HttpRequests);
        Assert.Equal(ErrorIds.UserNotFound, (await RefusedAsync("nobody@contoso.onmicrosoft.com", new() { ["department"] = "Sales" })).Id);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task Graph_validates_the_values_it_owns()
    {
        var (user, _) = _fx.Tenant.NewRequestor("located");
        var plan = await PlanAsync(user.UserPrincipalName, new() { ["usageLocation"] = "Narnia" });

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.ApplySimulatorUserPlanAsync(plan, new CollectingSink()));

        Assert.Equal(ErrorIds.GraphRequestFailed, refused.Error.Id);
        Assert.Contains("usageLocation", refused.Error.Message);
        Assert.Equal("US", _fx.Tenant.Store.GetUser(user.Id).UsageLocation);
    }
}
