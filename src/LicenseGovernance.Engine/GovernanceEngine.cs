using LicenseGovernance.Engine.Kernel.Catalog;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Kernel.Pricing;
using LicenseGovernance.Engine.Permissions;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Engine
{
    /// <summary>
    /// The engine behind every cmdlet. One instance per PowerShell session (the module keeps it); it holds the
    /// connection, the SKU catalogue and the price book. It never touches a PowerShell type.
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
                var session = await GraphSessionFactory.ConnectAsync(request, sink.WriteWarning, () => DateTimeOffset.UtcNow, sink.Cancellation).ConfigureAwait(false);
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

        public async Task GetSkusAsync(GetLicenseSkuRequest request, IGovernanceSink sink)
        {
            var session = RequireSession();
            using (RequestLoggingHandler.Use(sink.WriteVerbose))
            {
                var skus = await Skus().ReadAsync(session, sink.Cancellation).ConfigureAwait(false);
                if (request.Sku == null || request.Sku.Length == 0)
                {
                    foreach (var sku in skus)
                    {
                        sink.WriteObject(sku);
                    }

                    return;
                }

                var written = new HashSet<Guid>();
                foreach (var wanted in request.Sku)
                {
                    var match = SkuDirectory.Match(skus, wanted);
                    if (match == null)
                    {
                        sink.WriteError(Errors.SkuNotFound(wanted, SkuDirectory.Suggestions(skus, wanted)));
                    }
                    else if (written.Add(match.SkuId))
                    {
                        sink.WriteObject(match);
                    }
                }
            }
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

        public Task<LicenseCatalogImportResult> ImportCatalogAsync(ImportCatalogRequest request, IGovernanceSink sink)
        {
            var catalog = Catalog();
            var imported = catalog.Import(request.Path);
            var result = new LicenseCatalogImportResult
            {
                Path = request.Path,
                RowCount = imported.RowCount,
                SkuCount = imported.SkuCount,
                ServicePlanCount = imported.ServicePlanCount,
                NewSkuCount = imported.NewSkuCount,
                Scope = request.Persist ? "Persistent" : "Session",
            };

            if (imported.SkippedRowCount > 0)
            {
                sink.WriteWarning($"{imported.SkippedRowCount} row(s) of '{request.Path}' had a malformed GUID and were skipped.");
            }

            if (request.Persist)
            {
                catalog.Save(_options.CatalogPath);
                result.SavedTo = _options.CatalogPath;
            }

            return Task.FromResult(result);
        }

        public async Task<string> ResolveSkuNameAsync(string sku, IGovernanceSink sink)
        {
            IReadOnlyList<LicenseSku> candidates;
            var session = _session;
            if (session != null)
            {
                using (RequestLoggingHandler.Use(sink.WriteVerbose))
                {
                    candidates = await Skus().ReadAsync(session, sink.Cancellation).ConfigureAwait(false);
                }

                // A SKU the tenant lacks may still deserve a price (it may be bought later), so fall back to the catalogue.
                candidates = candidates.Concat(Skus().CatalogSkus()).ToList();
            }
            else
            {
                candidates = Skus().CatalogSkus();
            }

            var match = SkuDirectory.Match(candidates, sku);
            if (match == null)
            {
                throw Errors.SkuNotFound(sku, SkuDirectory.Suggestions(candidates, sku)).ToException();
            }

            return match.SkuPartNumber;
        }

        public async Task<LicensePrice> SetPriceAsync(SetPriceRequest request, IGovernanceSink sink)
        {
            var partNumber = await ResolveSkuNameAsync(request.Sku, sink).ConfigureAwait(false);
            var skuId = Catalog().Skus.FirstOrDefault(s => string.Equals(s.PartNumber, partNumber, StringComparison.OrdinalIgnoreCase))?.SkuId;
            if (skuId == null && _session != null)
            {
                skuId = (await Skus().ReadAsync(_session, sink.Cancellation).ConfigureAwait(false))
                    .FirstOrDefault(s => string.Equals(s.SkuPartNumber, partNumber, StringComparison.OrdinalIgnoreCase))?.SkuId;
            }

            var price = Prices().SetPrice(partNumber, skuId, request.MonthlyPrice, request.Currency);
            price.ProductName ??= skuId.HasValue ? Catalog().GetProductName(skuId.Value, partNumber) : null;
            return price;
        }

        public Task ImportPricesAsync(ImportPriceRequest request, IGovernanceSink sink)
        {
            foreach (var price in Prices().ImportCsv(request.Path))
            {
                sink.WriteObject(price);
            }

            return Task.CompletedTask;
        }

        public Task GetPricesAsync(GetPriceRequest request, IGovernanceSink sink)
        {
            var all = Prices().All().ToList();
            if (request.Sku == null || request.Sku.Length == 0)
            {
                foreach (var price in all)
                {
                    sink.WriteObject(price);
                }

                return Task.CompletedTask;
            }

            foreach (var wanted in request.Sku)
            {
                var matches = all.Where(p => string.Equals(p.SkuPartNumber, wanted, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.ProductName, wanted, StringComparison.OrdinalIgnoreCase)
                    || (Guid.TryParse(wanted, out var id) && p.SkuId == id)).ToList();
                if (matches.Count == 0)
                {
                    var names = all.Select(p => p.SkuPartNumber).Concat(all.Where(p => p.ProductName != null).Select(p => p.ProductName!));
                    sink.WriteError(Errors.SkuNotFound(wanted, Kernel.NameMatcher.Closest(wanted, names)));
                }

                foreach (var price in matches)
                {
                    sink.WriteObject(price);
                }
            }

            return Task.CompletedTask;
        }

        public Task SaveSnapshotAsync(string path, IGovernanceSink sink)
        {
            var tenant = _session?.Tenant ?? throw Errors.SimulatorRequired("Save-LicenseGovernanceSnapshot").ToException();
            tenant.SaveSnapshot(path);
            sink.WriteVerbose($"Saved the simulated tenant to '{path}'.");
            return Task.CompletedTask;
        }

        public Task<TierGroupPlan> PlanTierGroupAsync(TierGroupRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().PlanAsync(s, request, sink));

        public Task<TierGroupPlan> PlanRemoveTierGroupAsync(RemoveTierGroupRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().PlanRemoveAsync(s, request, sink));

        public Task<LicenseTierGroup?> ApplyTierGroupPlanAsync(TierGroupPlan plan, IGovernanceSink sink) => WithGraph(sink, s => Tiers().ApplyAsync(s, plan, sink));

        public Task GetTierGroupsAsync(GetTierGroupRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().GetAsync(s, request, sink));

        public Task<LicenseRulePreview> TestMembershipRuleAsync(TestMembershipRuleRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().TestRuleAsync(s, request, sink));

        public Task GetGroupLicenseErrorsAsync(GetGroupLicenseErrorRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().GetErrorsAsync(s, request, sink));

        public Task ReprocessLicensesAsync(ReprocessRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().ReprocessAsync(s, request, sink));

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

        private Tiers.TierGroupService Tiers() => new Tiers.TierGroupService(Skus(), BeginJournal);

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
