using LicenseGovernance.Engine.Graph.Connection;
using System;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Simulator;
using Microsoft.Graph;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>One connection: the Graph client, what the token says, and the simulated tenant when there is one.</summary>
    public sealed class GraphSession : IDisposable
    {
        internal GraphSession(GraphServiceClient client, LicenseGovernanceContext context, TokenClaims? claims, SimulatedTenant? tenant, IDisposable? resources,
            SignInReadLimits signInReads, SignInReadPacing signInPacing)
        {
            Client = client;
            Context = context;
            Claims = claims;
            Tenant = tenant;
            _resources = resources;
            SignInReads = signInReads;
            Pacer = new WritePacer(() => Now, WaitAsync, signInReads);
            signInPacing.Pacer = Pacer;
        }

        private readonly IDisposable? _resources;

        public GraphServiceClient Client { get; }

        public LicenseGovernanceContext Context { get; }

        public TokenClaims? Claims { get; }

        /// <summary>The simulated tenant behind this session, or null for a real tenant.</summary>
        public SimulatedTenant? Tenant { get; }

        /// <summary>
        /// Paces every licence, membership and access package write of the session against Graph's write quota, and every
        /// read of signInActivity against its read quota.
        /// </summary>
        internal WritePacer Pacer { get; }

        /// <summary>The page size and quota of reads that select or filter signInActivity.</summary>
        internal SignInReadLimits SignInReads { get; }

        /// <summary>App-only tokens are judged by application permissions, delegated ones by scopes.</summary>
        public bool AppOnly => Claims?.IsAppOnly ?? true;

        /// <summary>
        /// Runs one Graph call and turns whatever the SDK throws into the catalogue's error, naming the permission
        /// a 403 lacks. User cancellation passes through untouched.
        /// </summary>
        public async Task<T> CallAsync<T>(string operation, string capability, Func<GraphServiceClient, Task<T>> call, System.Threading.CancellationToken cancellation)
        {
            try
            {
                return await call(Client).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (LicenseGovernanceException)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw GraphErrorTranslator.Translate(ex, operation, capability, AppOnly).ToException();
            }
        }

        /// <summary>Like <see cref="CallAsync{T}"/>, but a 404 (the object does not exist, or has not replicated yet) gives null.</summary>
        public Task<T?> CallOrNotFoundAsync<T>(string operation, string capability, Func<GraphServiceClient, Task<T?>> call, System.Threading.CancellationToken cancellation)
            where T : class =>
            CallAsync<T?>(operation, capability, async client =>
            {
                try
                {
                    return await call(client).ConfigureAwait(false);
                }
                catch (Microsoft.Kiota.Abstractions.ApiException api) when (api.ResponseStatusCode == 404)
                {
                    return null;
                }
            }, cancellation);

        /// <summary>
        /// Waits for the tenant to move on (licence processing, replication). On a simulated tenant this moves its clock
        /// forward instead of sleeping, so a rehearsal shows in seconds what takes minutes in a real tenant.
        /// </summary>
        public async Task WaitAsync(TimeSpan interval, System.Threading.CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            if (Tenant != null)
            {
                Tenant.Clock.Advance(interval);
                await Task.Yield();
                return;
            }

            await Task.Delay(interval, cancellation).ConfigureAwait(false);
        }

        /// <summary>Now, on the tenant's clock (the simulator's own, or the real time).</summary>
        public DateTimeOffset Now => Tenant?.Clock.UtcNow ?? DateTimeOffset.UtcNow;

        public void Dispose() => _resources?.Dispose();
    }
}
