using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public async Task GetSkusAsync(GetLicenseSkuRequest request, IGovernanceSink sink)
        {
            var session = RequireSession();
            using (RequestLoggingHandler.Use(sink.WriteVerbose))
            {
                var skus = await Skus().ReadAsync(session, sink.Cancellation).ConfigureAwait(false);
                var listed = request.Sku == null || request.Sku.Length == 0 ? skus : LicenseSelection.FilterSkus(skus, request.Sku, sink.WriteError);
                foreach (var sku in listed)
                {
                    sink.WriteObject(sku);
                }

                var unknown = listed.Where(s => !s.InCatalog).Select(s => s.SkuPartNumber).ToList();
                if (unknown.Count > 0)
                {
                    sink.WriteWarning($"{string.Join(", ", unknown)}: not in the SKU catalogue (new, regional or trial SKUs), so ProductName shows the part number. " +
                        "Import-LicenseCatalog with Microsoft's latest \"Product names and service plan identifiers\" CSV names them.");
                }
            }
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
    }
}
