namespace LicenseGovernance.Requests
{
    /// <summary>Get-UnderusedLicense.</summary>
    public sealed class GetUnderusedLicenseRequest
    {
        /// <summary>Premium SKUs (part numbers, ids or product names); null for every premium SKU the tenant holds that has a cheaper tier.</summary>
        public string[]? Sku { get; set; }
        /// <summary>D7, D30, D90 or D180: how far back the usage reports look.</summary>
        public string Period { get; set; } = "D30";
        /// <summary>User principal names or ids; null for every holder of the SKUs.</summary>
        public string[]? User { get; set; }
    }
}
