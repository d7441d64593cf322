using System.Security;
using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Connection;

public sealed class ConnectionEngineTests
{
    [Fact]
    public async Task AccessTokenOverLoopbackHttpReachesASimulatorInAnotherListener()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 2500 });
        using var server = LoopbackSimulatorServer.Start(tenant);
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });
        var sink = new CollectingSink { KeepObjects = false };

        var context = await engine.ConnectAsync(new ConnectRequest
        {
            Method = AuthenticationMethod.AccessToken,
            // The token must be valid by the simulated clock and by the real clock the client checks, whatever the tenant's start.
            AccessToken = Secure(tenant.IssueAccessToken(tenant.DefaultPrincipal, TimeSpan.FromDays(3650))),
            GraphEndpoint = server.BaseAddress,
            IsInteractiveHost = false,
        }, sink);
        tenant.Statistics.Reset();
        long users = 0;
        var read = await UserStream.ReadAsync(engine.Session!, new[] { "id", "userPrincipalName", "assignedLicenses" }, null, _ => users++, sink);

        Assert.Equal(tenant.TenantId, context.TenantId);
        Assert.Equal("Application", context.TokenType);
        Assert.False(context.IsSimulator);
        Assert.Equal(2500, read);
        Assert.Equal(2500, users);
        Assert.Equal(3, tenant.Statistics.TotalRequests); // ceil(2500 / 999) pages and nothing else
        Assert.Contains(sink.Progress, p => p.Completed);
    }

    [Fact]
    public async Task AnAccessTokenThatIsNotAJwtConnectsNothing()
    {
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = Secure("abc"), IsInteractiveHost = false }, new CollectingSink()));

        Assert.Equal(ErrorIds.AccessTokenNotJwt, ex.Error.Id);
        Assert.Null(engine.Context);
    }

    [Fact]
    public async Task AnAccessTokensTenantAccountExpiryAndScopesAreTheContext()
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(40).ToUnixTimeSeconds();
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });

        var context = await engine.ConnectAsync(new ConnectRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = Secure(Connection.TestTokens.Delegated("User.Read.All LicenseAssignment.ReadWrite.All", exp)),
            IsInteractiveHost = false,
        }, new CollectingSink());

        Assert.Equal("11111111-2222-3333-4444-555555555555", context.TenantId);
        Assert.Equal("admin@contoso.onmicrosoft.com", context.Account);
        Assert.Equal("Delegated", context.TokenType);
        Assert.Equal(new[] { "User.Read.All", "LicenseAssignment.ReadWrite.All" }, context.Scopes);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(exp), context.TokenExpiresOn);
        engine.Disconnect();
    }

    [Fact]
    public async Task NonInteractiveHostNeverPrompts()
    {
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Interactive, IsInteractiveHost = false }, new CollectingSink()));

        Assert.Equal(ErrorIds.NonInteractiveHost, ex.Error.Id);
        Assert.Null(engine.Context);
    }

    [Fact]
    public async Task TheEmbeddedSimulatorRunsOnRealTimeSoLicenseProcessingFinishesWhileYouWatch()
    {
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });
        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 50 }, new CollectingSink());

        Assert.True(engine.Session!.Tenant!.Clock.FollowsRealTime);
        engine.Disconnect();
    }

    [Fact]
    public async Task TheEmbeddedSimulatorStartsTodayUnlessAStartIsGiven()
    {
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });
        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 20 }, new CollectingSink());
        Assert.InRange(engine.Session!.Tenant!.Clock.UtcNow - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
        engine.Disconnect();

        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(1));
        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 20, SimulatorStart = start }, new CollectingSink());
        Assert.InRange(engine.Session!.Tenant!.Clock.UtcNow, start, start.AddMinutes(1));
        engine.Disconnect();

        var snapshot = await Assert.ThrowsAsync<LicenseGovernanceException>(() => engine.ConnectAsync(
            new ConnectRequest { Method = AuthenticationMethod.Simulator, SnapshotPath = "any.json", SimulatorStart = start }, new CollectingSink()));
        Assert.Equal(ErrorIds.InvalidCredentialParameter, snapshot.Error.Id);
        Assert.Contains("-StartDate", snapshot.Error.Message);
    }

    [Fact]
    public async Task SnapshotThatIsNotOneIsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), "lg-bad-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, "{ \"hello\": 1 }");
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SnapshotPath = path }, new CollectingSink()));

        Assert.Equal(ErrorIds.SnapshotInvalid, ex.Error.Id);
        File.Delete(path);
    }

    [Fact]
    public async Task SavingASnapshotNeedsTheSimulator()
    {
        var engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = Path.GetTempPath() });

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() => engine.SaveSnapshotAsync("x.json", new CollectingSink()));

        Assert.Equal(ErrorIds.SimulatorRequired, ex.Error.Id);
    }

    [Fact]
    public async Task PermissionReportShowsWhatALimitedTokenLacks()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 20 });
        var principal = new SimulatedPrincipal(Guid.NewGuid().ToString(), "Limited", null, new[] { "LicenseAssignment.Read.All", "Directory.Read.All" });
        using var fx = new EngineFixture(tenant: tenant, principal: principal);
        var sink = new CollectingSink();

        await fx.Engine.TestPermissionsAsync(sink);

        var rows = sink.Of<LicensePermissionCheck>().ToList();
        Assert.True(rows.Single(r => r.Permission == "LicenseAssignment.Read.All").Granted);
        Assert.Contains(rows, r => r.Permission == "User.Read.All" && r.Granted == true && r.GrantedBy == "Directory.Read.All");
        Assert.Contains(rows, r => r.Permission == "LicenseAssignment.ReadWrite.All" && r.Granted == false);
    }

    private static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}
