using System;

namespace LicenseGovernance.Engine.Kernel.Pricing
{
    /// <summary>A price the user set, as kept in prices.json. Keyed on the SKU id when known, else on the part number.</summary>
    public sealed class StoredPrice
    {
        public StoredPrice(string partNumber, Guid? skuId, decimal monthlyPrice, string currency, DateTime setAt)
        {
            PartNumber = partNumber;
            SkuId = skuId;
            MonthlyPrice = monthlyPrice;
            Currency = currency;
            SetAt = setAt;
        }

        public string PartNumber { get; }
        public Guid? SkuId { get; }
        public decimal MonthlyPrice { get; }
        public string Currency { get; }
        /// <summary>UTC.</summary>
        public DateTime SetAt { get; }
    }
}
