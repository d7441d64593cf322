using System.Security;
using LicenseGovernance.Engine;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using Xunit;

namespace LicenseGovernance.Tests.Simulation;

/// <summary>
/// Every rehearsal control refuses a real tenant. A session connected with an access token to the simulator's loopback
/// endpoint is a real-tenant session as far as the engine knows (it holds no simulated tenant), so nothing may change it.
/// </summary>
public sealed class SimulatorRefusalTests : IDisposable
{
    private readonly SimulatedTenant _tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 20 });
    private readonly LoopbackSimulatorServer _server;
    private readonly string _settings = Path.Combine(Path.GetTempPath(), "lg-refusal-" + Guid.NewGuid().ToString("N"));
    private readonly GovernanceEngine _engine;

    public SimulatorRefusalTests()
    {
        _server = LoopbackSimulatorServer.Start(_tenant);
        _engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = _settings });
    }

    public void Dispose()
    {
        _engine.Disconnect();
        _server.Dispose();
        if (Directory.Exists(_settings))
        {
            Directory.Delete(_settings, recursive: true);
        }
    }

    public static IEnumerable<object[]> Controls() => new[]
    {
        new object[] { "Get-LicenseSimulatorTime", (Func<GovernanceEngine, Task>)(e => e.GetSimulatorTimeAsync(new CollectingSink())) },
        new object[] { "Set-LicenseSimulatorTime", (Func<GovernanceEngine, Task>)(e => e.PlanSimulatorTimeAsync(new SetSimulatorTimeRequest { Advance = TimeSpan.FromDays(3) }, new CollectingSink())) },
        new object[] { "Set-LicenseSimulatorTime", (Func<GovernanceEngine, Task>)(e => e.ApplySimulatorTimePlanAsync(new LicenseSimulatorTimePlan { To = DateTimeOffset.UtcNow.AddDays(3) }, new CollectingSink())) },
        new object[] { "Set-LicenseSimulatorUser", (Func<GovernanceEngine, Task>)(e => e.PlanSimulatorUserAsync(new SetSimulatorUserRequest { User = "x", Property = new Dictionary<string, object?> { ["department"] = "Sales" } }, new CollectingSink())) },
        new object[] { "Set-LicenseSimulatorUser", (Func<GovernanceEngine, Task>)(e => e.ApplySimulatorUserPlanAsync(new LicenseSimulatorUserPlan { Body = "{\"department\":\"Sales\"}" }, new CollectingSink())) },
        new object[] { "Get-LicenseSimulatorTimeline", (Func<GovernanceEngine, Task>)(e => e.GetLicenseTimelineAsync(new GetLicenseTimelineRequest { User = "x" }, new CollectingSink())) },
        new object[] { "Save-LicenseGovernanceSnapshot", (Func<GovernanceEngine, Task>)(e => e.SaveSnapshotAsync(Path.Combine(Path.GetTempPath(), "never.json"), new CollectingSink())) },
    };

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task A_real_tenant_is_refused_and_left_as_it_was(string command, Func<GovernanceEngine, Task> control)
    {
        var token = new SecureString();
        foreach (var ch in _tenant.IssueAccessToken(_tenant.DefaultPrincipal, TimeSpan.FromDays(3650)))
        {
            token.AppendChar(ch);
        }

        var context = await _engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = token, GraphEndpoint = _server.BaseAddress, IsInteractiveHost = false }, new CollectingSink());
        Assert.False(context.IsSimulator);
        var clock = _tenant.Clock.UtcNow;
        _tenant.Statistics.Reset();

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => control(_engine));

        Assert.Equal(ErrorIds.SimulatorRequired, refused.Error.Id);
        Assert.StartsWith(command + " works only on the simulated tenant", refused.Error.Message);
        Assert.Equal(clock, _tenant.Clock.UtcNow);
        Assert.Equal(0, _tenant.Statistics.HttpRequests);
    }

    [Fact]
    public async Task Not_being_connected_gets_the_same_answer()
    {
        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _engine.GetSimulatorTimeAsync(new CollectingSink()));

        Assert.Equal(ErrorIds.SimulatorRequired, refused.Error.Id);
    }
}
