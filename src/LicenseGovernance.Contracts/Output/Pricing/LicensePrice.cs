using System;

namespace LicenseGovernance
{
    /// <summary>A monthly per-seat price for a SKU.</summary>
    public sealed class LicensePrice
    {
        public string SkuPartNumber { get; set; } = "";
        public Guid? SkuId { get; set; }
        public string? ProductName { get; set; }
        public decimal MonthlyPrice { get; set; }
        public string Currency { get; set; } = "";
        /// <summary>User (your own price) or BuiltIn (public list price).</summary>
        public string Source { get; set; } = "";
        /// <summary>When a built-in list price was taken, or when a user price was set.</summary>
        public DateTime? AsOf { get; set; }
    }
}
