namespace LicenseGovernance.Requests
{
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
