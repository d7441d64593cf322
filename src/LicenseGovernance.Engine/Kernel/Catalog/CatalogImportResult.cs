namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>What one import of Microsoft's licensing CSV read and changed.</summary>
    public sealed class CatalogImportResult
    {
        public CatalogImportResult(string source, int rowCount, int skuCount, int servicePlanCount, int newSkuCount, int skippedRowCount)
        {
            Source = source;
            RowCount = rowCount;
            SkuCount = skuCount;
            ServicePlanCount = servicePlanCount;
            NewSkuCount = newSkuCount;
            SkippedRowCount = skippedRowCount;
        }

        public string Source { get; }
        /// <summary>Data rows read, blank lines not counted.</summary>
        public int RowCount { get; }
        /// <summary>Distinct SKU ids in the file.</summary>
        public int SkuCount { get; }
        /// <summary>Distinct service plan ids in the file.</summary>
        public int ServicePlanCount { get; }
        /// <summary>SKUs the catalogue did not know before this import.</summary>
        public int NewSkuCount { get; }
        /// <summary>Rows left out because a GUID in them was malformed.</summary>
        public int SkippedRowCount { get; }

        public LicenseCatalogImportResult ToOutput(string scope, string? savedTo) => new LicenseCatalogImportResult
        {
            Path = Source,
            RowCount = RowCount,
            SkuCount = SkuCount,
            ServicePlanCount = ServicePlanCount,
            NewSkuCount = NewSkuCount,
            Scope = scope,
            SavedTo = savedTo,
        };
    }
}
