namespace LicenseGovernance
{
    /// <summary>What Import-LicenseCatalog read and where it kept it.</summary>
    public sealed class LicenseCatalogImportResult
    {
        public string Path { get; set; } = "";
        public int RowCount { get; set; }
        public int SkuCount { get; set; }
        public int ServicePlanCount { get; set; }
        /// <summary>SKUs the built-in table did not know before.</summary>
        public int NewSkuCount { get; set; }
        /// <summary>Session or Persistent.</summary>
        public string Scope { get; set; } = "Session";
        public string? SavedTo { get; set; }
    }
}
