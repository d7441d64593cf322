using System;
using System.Collections.Generic;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>A SKU as the catalogue knows it: ids and names, plus its service plans when the source listed them.</summary>
    public sealed class CatalogSku
    {
        public CatalogSku(Guid skuId, string partNumber, string productName, IReadOnlyList<CatalogServicePlan> servicePlans)
        {
            SkuId = skuId;
            PartNumber = partNumber;
            ProductName = productName;
            ServicePlans = servicePlans;
        }

        public Guid SkuId { get; }
        public string PartNumber { get; }
        public string ProductName { get; }
        /// <summary>Empty when the source named the SKU without its plans.</summary>
        public IReadOnlyList<CatalogServicePlan> ServicePlans { get; }

        public override string ToString() => PartNumber;
    }
}
