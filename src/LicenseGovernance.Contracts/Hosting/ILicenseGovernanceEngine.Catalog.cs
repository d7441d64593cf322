using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Writes one <see cref="LicenseSku"/> per subscribed SKU that matches.</summary>
        Task GetSkusAsync(GetLicenseSkuRequest request, IGovernanceSink sink);

        /// <summary>Reads Microsoft's licensing CSV and extends the friendly-name table; returns what it read.</summary>
        Task<LicenseCatalogImportResult> ImportCatalogAsync(ImportCatalogRequest request, IGovernanceSink sink);

        /// <summary>Resolves a SKU name, part number or id to its part number (tenant first, then catalogue), failing with the closest matches.</summary>
        Task<string> ResolveSkuNameAsync(string sku, IGovernanceSink sink);
    }
}
