using System;

namespace LicenseGovernance
{
    /// <summary>One SKU's seat an offboarding frees, with its list or your price.</summary>
    public sealed class RecoveredLicense
    {
        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        /// <summary>A group licence leaves once Entra processes the group: until then the seat is still counted as consumed.</summary>
        public bool Pending { get; set; }
        public decimal? MonthlyPrice { get; set; }
        public string? Currency { get; set; }

        public override string ToString() => SkuPartNumber + (Pending ? " (pending)" : "");
    }
}
