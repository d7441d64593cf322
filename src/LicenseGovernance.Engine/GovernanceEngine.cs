using System;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Kernel.Catalog;
using LicenseGovernance.Engine.Kernel.Pricing;
using LicenseGovernance.Engine.Permissions;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Engine
{
    /// <summary>
    /// The engine behind every cmdlet. One instance per PowerShell session (the module keeps it); it holds the
    /// connection, the SKU catalogue and the price book. It never touches a PowerShell type. This file is the connection
    /// and session; each area's entry points are in GovernanceEngine.&lt;Area&gt;.cs.
    /// </summary>
    public sealed partial class GovernanceEngine : ILicenseGovernanceEngine
    {
        private readonly EngineOptions _options;
        private readonly object _gate = new object();
        private GraphSession? _session;
        private SkuCatalog? _catalog;
        private PriceBook? _prices;

        public GovernanceEngine() : this(new EngineOptions())
        {
        }

        public GovernanceEngine(EngineOptions options)
        {
            _options = options;
        }

        public LicenseGovernanceContext? Context => _session?.Context;

        /// <summary>The live session, for engine features and tests; null when not connected.</summary>
        public GraphSession? Session => _session;

        public async Task<LicenseGovernanceContext> ConnectAsync(ConnectRequest request, IGovernanceSink sink)
        {
            using (RequestLoggingHandler.Use(sink.WriteVerbose))
            {
                CheckJournalPath(request.JournalPath, sink);
                var session = await GraphSessionFactory.ConnectAsync(request, sink.WriteWarning, () => DateTimeOffset.UtcNow, sink.Cancellation, _options.SignInReads).ConfigureAwait(false);
                if (request.JournalPath != null)
                {
                    _options.JournalPath = request.JournalPath;
                }

                session.Context.JournalPath = _options.JournalPath;
                Replace(session);
                sink.WriteVerbose($"Connected to tenant {session.Context.TenantId} as {session.Context.Account} ({session.Context.AuthenticationMethod}, {session.Context.Environment}).");
                return session.Context;
            }
        }

        /// <summary>Connects to a simulated tenant the caller already holds (tests, benchmarks, rehearsals).</summary>
        public LicenseGovernanceContext ConnectSimulator(SimulatedTenant tenant, SimulatedPrincipal? principal = null)
        {
            // A simulated tenant lives on its own clock; its times stay consistent with its tokens and data.
            var session = GraphSessionFactory.ForSimulator(tenant, principal, tenant.Clock.UtcNow);
            session.Context.JournalPath = _options.JournalPath;
            Replace(session);
            return session.Context;
        }

        public bool Disconnect()
        {
            GraphSession? old;
            lock (_gate)
            {
                old = _session;
                _session = null;
            }

            old?.Dispose();
            return old != null;
        }

        public Task TestPermissionsAsync(IGovernanceSink sink)
        {
            var session = _session;
            if (session == null)
            {
                sink.WriteWarning("Not connected: showing what each capability needs. Connect-LicenseGovernance first to see what your token holds.");
            }
            else if (session.Claims == null)
            {
                sink.WriteWarning("The access token is not a readable JWT, so its permissions cannot be checked; Granted is left empty.");
            }

            foreach (var row in PermissionEvaluator.Evaluate(session?.Claims))
            {
                sink.WriteObject(row);
            }

            return Task.CompletedTask;
        }

        public Task FindDirectoryNamesAsync(DirectoryNameRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => DirectoryNames.WriteAsync(s, request, sink));

        internal GraphSession RequireSession() => _session ?? throw Errors.NotConnected().ToException();

        private void Replace(GraphSession session)
        {
            GraphSession? old;
            lock (_gate)
            {
                old = _session;
                _session = session;
            }

            old?.Dispose();
        }

        private SkuCatalog Catalog()
        {
            lock (_gate)
            {
                return _catalog ??= SkuCatalog.LoadWithOverlay(_options.CatalogPath);
            }
        }

        private PriceBook Prices()
        {
            lock (_gate)
            {
                return _prices ??= new PriceBook(new PriceStore(_options.PricesPath), Catalog());
            }
        }

        /// <summary>Runs connected work with each Graph request logged to -Verbose.</summary>
        private async Task<T> WithGraph<T>(IGovernanceSink sink, Func<GraphSession, Task<T>> work)
        {
            var session = RequireSession();
            using (RequestLoggingHandler.Use(sink.WriteVerbose))
            {
                return await work(session).ConfigureAwait(false);
            }
        }

        private Task WithGraph(IGovernanceSink sink, Func<GraphSession, Task> work) =>
            WithGraph(sink, async s =>
            {
                await work(s).ConfigureAwait(false);
                return true;
            });

        private SkuDirectory Skus() => new SkuDirectory(Catalog(), Prices());
    }
}
