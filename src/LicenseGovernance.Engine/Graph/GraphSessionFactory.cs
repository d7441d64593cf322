using LicenseGovernance.Engine.Graph.Connection;
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>Builds a <see cref="GraphSession"/> for a real tenant or the simulated one, always through the real Graph SDK middleware.</summary>
    public static class GraphSessionFactory
    {
        private const string SimulatorBaseUrl = "https://graph.microsoft.com/v1.0";

        /// <param name="signInReads">Graph's limits on reads of signInActivity as the host knows them; Graph's documented ones when null.</param>
        public static async Task<GraphSession> ConnectAsync(ConnectRequest request, Action<string> warn, Func<DateTimeOffset> now, CancellationToken cancellation, SignInReadLimits? signInReads = null)
        {
            if (request.Method == AuthenticationMethod.Simulator)
            {
                var tenant = LoadOrCreateTenant(request);
                // The embedded tenant is worked with by hand: its licence processing should finish while the administrator
                // watches, so its clock runs with real time (waits in the engine still fast-forward it).
                tenant.Clock.FollowRealTime();
                return ForSimulator(tenant, null, tenant.Clock.UtcNow);
            }

            var environment = CloudEnvironments.Get(request.Environment);
            var baseUrl = GraphEndpointResolver.Resolve(request.GraphEndpoint, environment);
            var credential = CredentialFactory.Create(request, environment, warn);
            var scopes = CredentialFactory.ScopesFor(request, environment);

            AccessToken token;
            try
            {
                token = await credential.GetTokenAsync(new TokenRequestContext(scopes), cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (!(ex is LicenseGovernanceException))
            {
                throw Errors.AuthenticationFailed(request.Method.ToString(), ex).ToException();
            }

            var claims = TokenClaims.TryParse(token.Token);
            var pacing = new SignInReadPacing();
            var client = BuildClient(credential, scopes, baseUrl, null, pacing);
            var context = DescribeContext(claims, request.Method.ToString(), environment.Name, baseUrl, false, now());
            context.ClientId ??= request.ClientId ?? request.ManagedIdentityClientId;
            context.TenantId ??= request.TenantId;
            context.TokenExpiresOn ??= token.ExpiresOn;
            return new GraphSession(client, context, claims, null, null, signInReads ?? new SignInReadLimits(), pacing);
        }

        /// <summary>A session on a simulated tenant, in-process through its HttpMessageHandler.</summary>
        /// <param name="principal">Who the token speaks for; the tenant's default app (every permission) when null.</param>
        public static GraphSession ForSimulator(SimulatedTenant tenant, SimulatedPrincipal? principal, DateTimeOffset connectedAt)
        {
            var who = principal ?? tenant.DefaultPrincipal;
            var credential = new SimulatorCredential(tenant, who);
            var scopes = new[] { "https://graph.microsoft.com/.default" };
            var handler = tenant.CreateHandler();
            var pacing = new SignInReadPacing();
            var client = BuildClient(credential, scopes, new Uri(SimulatorBaseUrl), handler, pacing);
            var claims = TokenClaims.TryParse(tenant.IssueAccessToken(who));
            var context = DescribeContext(claims, AuthenticationMethod.Simulator.ToString(), "Simulator", new Uri(SimulatorBaseUrl), true, connectedAt);
            context.TenantId ??= tenant.TenantId;
            return new GraphSession(client, context, claims, tenant, handler, SignInReadsOf(tenant), pacing);
        }

        /// <summary>
        /// A simulated tenant's limits are known, its time scale included, so the budget spends exactly its quota; a tenant
        /// that enforces none gets a budget that never waits.
        /// </summary>
        private static SignInReadLimits SignInReadsOf(SimulatedTenant tenant)
        {
            var throttling = tenant.Options.Throttling;
            return throttling.Enabled && throttling.SignInActivityReadsPerMinute > 0
                ? new SignInReadLimits { QuotaReads = throttling.SignInActivityReadsPerMinute, QuotaWindow = throttling.SignInActivityWindow }
                : SignInReadLimits.Unlimited();
        }

        private static SimulatedTenant LoadOrCreateTenant(ConnectRequest request)
        {
            if (request.SnapshotPath == null)
            {
                var options = new DemoTenantOptions();
                if (request.SimulatorStart.HasValue)
                {
                    options.Now = request.SimulatorStart.Value.ToUniversalTime();
                }

                if (request.SimulatorUserCount.HasValue)
                {
                    options.UserCount = request.SimulatorUserCount.Value;
                }

                if (request.SimulatorSeed.HasValue)
                {
                    options.Seed = request.SimulatorSeed.Value;
                }

                return SimulatedTenant.CreateDemo(options);
            }

            if (request.SimulatorStart.HasValue)
            {
                throw Errors.InvalidCredentialParameter("StartDate", "a snapshot keeps the clock it was saved with; give -StartDate only when seeding a new tenant (without -SnapshotPath).").ToException();
            }

            if (!System.IO.File.Exists(request.SnapshotPath))
            {
                throw Errors.SnapshotInvalid(request.SnapshotPath, "the file does not exist.").ToException();
            }

            try
            {
                return SimulatedTenant.LoadSnapshot(request.SnapshotPath);
            }
            catch (SimulatorSnapshotException ex)
            {
                throw Errors.SnapshotInvalid(request.SnapshotPath, ex.Message).ToException();
            }
        }

        private static GraphServiceClient BuildClient(TokenCredential credential, string[] scopes, Uri baseUrl, HttpMessageHandler? finalHandler, SignInReadPacing pacing)
        {
            // Continuous access evaluation on, as the SDK's older constructor had it.
            var authentication = new AzureIdentityAuthenticationProvider(credential, new[] { baseUrl.Host }, null, isCaeEnabled: true, scopes);

            // Logging sits innermost so that -Verbose shows every attempt, retries included. Sign-in read pacing sits inside
            // the SDK's retry handler, so the 429s of that quota are answered by the session's pacer, not by blind retries.
            var handlers = GraphClientFactory.CreateDefaultHandlers();
            handlers.Add(pacing);
            handlers.Add(new RequestLoggingHandler());
            var http = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
            return new GraphServiceClient(http, authentication, baseUrl.ToString().TrimEnd('/'));
        }

        private static LicenseGovernanceContext DescribeContext(TokenClaims? claims, string method, string environment, Uri endpoint, bool simulator, DateTimeOffset connectedAt) =>
            new LicenseGovernanceContext
            {
                TenantId = claims?.TenantId,
                Account = claims?.UserPrincipalName ?? claims?.AppDisplayName ?? claims?.AppId,
                ClientId = claims?.AppId,
                AuthenticationMethod = method,
                TokenType = claims == null ? null : claims.IsAppOnly ? "Application" : "Delegated",
                Environment = environment,
                GraphEndpoint = endpoint,
                Scopes = claims == null ? Array.Empty<string>() : System.Linq.Enumerable.ToArray(claims.Permissions),
                IsSimulator = simulator,
                ConnectedAt = connectedAt,
                TokenExpiresOn = claims?.ExpiresOn,
            };

        /// <summary>Mints a fresh simulator token per request, so that tokens follow the simulator's clock when a test moves it.</summary>
        private sealed class SimulatorCredential : TokenCredential
        {
            private readonly SimulatedTenant _tenant;
            private readonly SimulatedPrincipal _principal;

            public SimulatorCredential(SimulatedTenant tenant, SimulatedPrincipal principal)
            {
                _tenant = tenant;
                _principal = principal;
            }

            public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                new AccessToken(_tenant.IssueAccessToken(_principal), _tenant.Clock.UtcNow.AddHours(1));

            public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));
        }
    }
}
