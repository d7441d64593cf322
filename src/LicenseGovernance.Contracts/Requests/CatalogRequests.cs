namespace LicenseGovernance.Requests
{
    public sealed class GetLicenseSkuRequest
    {
        /// <summary>Part numbers, SKU ids or product names; empty for every SKU. Unknown names fail with the closest matches.</summary>
        public string[]? Sku { get; set; }
    }

    public sealed class ImportCatalogRequest
    {
        public string Path { get; set; } = "";
        /// <summary>Also keep it in the user's profile so later sessions use it.</summary>
        public bool Persist { get; set; }
    }
}
