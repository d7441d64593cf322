using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Small helpers to build tenants and talk to them over plain HTTP.</summary>
internal static class SimulatorFixture
{
    public const string Root = "https://graph.microsoft.com/v1.0";

    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static (SimulatedTenant Tenant, SimulatedUser Alice, SimulatedSku E3) SmallTenant(SimulatorOptions? options = null)
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, options);
        var e3 = tenant.Store.AddSku("SPE_E3", 2);
        var alice = tenant.Store.AddUser("alice@contoso.onmicrosoft.com", u =>
        {
            u.UsageLocation = "US";
            u.Department = "Sales";
        });
        return (tenant, alice, e3);
    }

    public static HttpClient Client(SimulatedTenant tenant, SimulatedPrincipal? principal = null, string baseAddress = Root + "/")
    {
        var client = new HttpClient(tenant.CreateHandler()) { BaseAddress = new Uri(baseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.IssueAccessToken(principal ?? tenant.DefaultPrincipal));
        return client;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(string Code, string Message)> ReadError(HttpResponseMessage response)
    {
        var error = (await ReadJson(response)).GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    /// <summary>The real Microsoft.Graph 5.x client, default middleware included, served in-process by the tenant.</summary>
    public static GraphServiceClient Sdk(SimulatedTenant tenant)
    {
        var http = GraphClientFactory.Create(finalHandler: tenant.CreateHandler());
        return new GraphServiceClient(http, Authentication(tenant), Root);
    }

    public static IAuthenticationProvider Authentication(SimulatedTenant tenant) => new BaseBearerTokenAuthenticationProvider(new SimulatorTokenProvider(tenant));

    private sealed class SimulatorTokenProvider : IAccessTokenProvider
    {
        private readonly SimulatedTenant _tenant;

        public SimulatorTokenProvider(SimulatedTenant tenant)
        {
            _tenant = tenant;
        }

        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(_tenant.IssueAccessToken(_tenant.DefaultPrincipal));
    }
}
