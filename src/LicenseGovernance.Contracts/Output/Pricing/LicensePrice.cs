using System;

namespace LicenseGovernance
{
    /// <summary>A monthly per-seat price for a SKU.</summary>
    public sealed class LicensePrice
    {
        public string SkuPartNumber { get; set; } = "";
        public Guid? SkuId { get; set; }
        /// <summary>The catalogue's product name; the part number when the catalogue does not know the SKU (see <see cref="InCatalog"/>).</summary>
        public string? ProductName { get; set; }
        /// <summary>False for a SKU no catalogue knows yet: its ProductName is then its part number.</summary>
        public bool InCatalog { get; set; }
        public decimal MonthlyPrice { get; set; }
        public string Currency { get; set; } = "";
        /// <summary>User (your own price) or BuiltIn (public list price).</summary>
        public string Source { get; set; } = "";
        /// <summary>When a built-in list price was taken, or when a user price was set.</summary>
        public DateTime? AsOf { get; set; }
    }
}
