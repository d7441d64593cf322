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

    public sealed class SetPriceRequest
    {
        public string Sku { get; set; } = "";
        public decimal MonthlyPrice { get; set; }
        public string Currency { get; set; } = "";
    }

    public sealed class ImportPriceRequest
    {
        public string Path { get; set; } = "";
    }

    public sealed class GetPriceRequest
    {
        public string[]? Sku { get; set; }
    }
}
