using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>
    /// Friendly names for SKUs and service plans, keyed on skuId and servicePlanId with the part number or plan
    /// code as a fallback. Starts from a small built-in table; Microsoft's published CSV, once imported, overrides it
    /// and can be kept in the user's profile as an overlay.
    /// </summary>
    public sealed class SkuCatalog
    {
        private readonly object _gate = new object();
        private readonly Dictionary<Guid, SkuEntry> _skus = new Dictionary<Guid, SkuEntry>();
        private readonly Dictionary<Guid, CatalogServicePlan> _plans = new Dictionary<Guid, CatalogServicePlan>();
        // Only imported entries are persisted, so a newer module's built-in names still show for everything else.
        private readonly HashSet<Guid> _importedSkus = new HashSet<Guid>();

        private SkuCatalog()
        {
        }

        public static SkuCatalog CreateBuiltIn()
        {
            var catalog = new SkuCatalog();
            foreach (var (planId, name, friendly) in BuiltInCatalog.ServicePlans)
            {
                var id = Guid.Parse(planId);
                catalog._plans[id] = new CatalogServicePlan(id, name, friendly);
            }
            foreach (var (skuId, partNumber, productName) in BuiltInCatalog.Skus)
            {
                var id = Guid.Parse(skuId);
                catalog._skus[id] = new SkuEntry(id, partNumber, productName, new List<Guid>());
            }
            return catalog;
        }

        /// <summary>The built-in table plus whatever an earlier session saved with <see cref="Save"/>; a missing file is no overlay.</summary>
        public static SkuCatalog LoadWithOverlay(string? persistedPath)
        {
            var catalog = CreateBuiltIn();
            if (!string.IsNullOrEmpty(persistedPath) && File.Exists(persistedPath)) catalog.Import(persistedPath!);
            return catalog;
        }

        public IReadOnlyCollection<CatalogSku> Skus
        {
            get
            {
                lock (_gate) return _skus.Values.Select(ToCatalogSku).ToList();
            }
        }

        /// <summary>Every part number and product name, for "did you mean" suggestions.</summary>
        public IEnumerable<string> AllSkuNames
        {
            get
            {
                lock (_gate)
                {
                    return _skus.Values
                        .SelectMany(s => new[] { s.PartNumber, s.ProductName })
                        .Where(n => n.Length > 0)
                        .Distinct(StringComparer.OrdinalIgnoreCase)
                        .ToList();
                }
            }
        }

        public CatalogSku? FindSku(Guid skuId)
        {
            lock (_gate) return _skus.TryGetValue(skuId, out var entry) ? ToCatalogSku(entry) : null;
        }

        /// <summary>SKUs with this part number; more than one when Microsoft reused it across ids.</summary>
        public IReadOnlyList<CatalogSku> FindByPartNumber(string partNumber)
        {
            lock (_gate)
            {
                return _skus.Values
                    .Where(s => string.Equals(s.PartNumber, partNumber, StringComparison.OrdinalIgnoreCase))
                    .Select(ToCatalogSku)
                    .ToList();
            }
        }

        public string? GetProductName(Guid skuId, string? partNumber)
        {
            lock (_gate)
            {
                if (_skus.TryGetValue(skuId, out var byId) && byId.ProductName.Length > 0) return byId.ProductName;
                if (string.IsNullOrWhiteSpace(partNumber)) return null;
                // A SKU new to the catalogue under a known part number is, in practice, the same product re-issued.
                return _skus.Values
                    .Where(s => s.ProductName.Length > 0 && string.Equals(s.PartNumber, partNumber!.Trim(), StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(s => _importedSkus.Contains(s.SkuId))
                    .Select(s => s.ProductName)
                    .FirstOrDefault();
            }
        }

        /// <summary>
        /// The product name to show. A SKU no catalogue knows yet (new, regional, trial) shows its part number, flagged
        /// (InCatalog false), so no output has a blank name and the reader can tell a real name from a stand-in.
        /// </summary>
        public (string Name, bool InCatalog) DisplayName(Guid skuId, string partNumber)
        {
            var name = GetProductName(skuId, partNumber);
            return name == null ? (partNumber, false) : (name, true);
        }

        public string? GetServicePlanName(Guid planId, string? planName)
        {
            lock (_gate)
            {
                if (_plans.TryGetValue(planId, out var byId) && byId.FriendlyName.Length > 0) return byId.FriendlyName;
                if (string.IsNullOrWhiteSpace(planName)) return null;
                return _plans.Values
                    .Where(p => p.FriendlyName.Length > 0 && string.Equals(p.ServicePlanName, planName!.Trim(), StringComparison.OrdinalIgnoreCase))
                    .Select(p => p.FriendlyName)
                    .FirstOrDefault();
            }
        }

        public CatalogImportResult Import(string path)
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path)) throw Errors.CatalogFileNotFound(path).ToException();
            var text = CsvTextDecoder.Decode(File.ReadAllBytes(path));
            using var reader = new StringReader(text);
            return Import(reader, path);
        }

        public CatalogImportResult Import(TextReader reader, string sourceName)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            // Parse everything before touching the catalogue, so a rejected file leaves it as it was.
            var parsed = LicensingCsv.Parse(reader, sourceName);

            lock (_gate)
            {
                var newSkus = parsed.Skus.Keys.Count(id => !_skus.ContainsKey(id));
                foreach (var plan in parsed.Plans.Values)
                {
                    var friendly = plan.FriendlyName.Length > 0 ? plan.FriendlyName
                        : _plans.TryGetValue(plan.ServicePlanId, out var known) ? known.FriendlyName : "";
                    _plans[plan.ServicePlanId] = new CatalogServicePlan(plan.ServicePlanId, plan.Name, friendly);
                }
                foreach (var sku in parsed.Skus.Values)
                {
                    _skus[sku.SkuId] = new SkuEntry(sku.SkuId, sku.PartNumber, sku.ProductName, sku.PlanIds.ToList());
                    _importedSkus.Add(sku.SkuId);
                }
                return new CatalogImportResult(sourceName, parsed.RowCount, parsed.Skus.Count, parsed.Plans.Count, newSkus, parsed.SkippedRowCount);
            }
        }

        /// <summary>
        /// Writes the imported entries in Microsoft's own CSV layout, so the overlay reads back through the same
        /// parser and a person can open it in a spreadsheet. Replaces the file only once the new one is complete.
        /// </summary>
        public void Save(string path)
        {
            List<CatalogSku> imported;
            lock (_gate) imported = _importedSkus.Select(id => ToCatalogSku(_skus[id])).OrderBy(s => s.PartNumber, StringComparer.OrdinalIgnoreCase).ToList();

            var builder = new StringBuilder();
            using (var writer = new StringWriter(builder)) LicensingCsv.Write(writer, imported);
            AtomicFile.WriteAllText(path, builder.ToString());
        }

        private CatalogSku ToCatalogSku(SkuEntry entry) => new CatalogSku(
            entry.SkuId,
            entry.PartNumber,
            entry.ProductName,
            entry.PlanIds
                .Select(id => _plans.TryGetValue(id, out var plan) ? plan : new CatalogServicePlan(id, "", ""))
                .ToList());

        private sealed class SkuEntry
        {
            public SkuEntry(Guid skuId, string partNumber, string productName, List<Guid> planIds)
            {
                SkuId = skuId;
                PartNumber = partNumber;
                ProductName = productName;
                PlanIds = planIds;
            }

            public Guid SkuId { get; }
            public string PartNumber { get; }
            public string ProductName { get; }
            public List<Guid> PlanIds { get; }
        }
    }
}
