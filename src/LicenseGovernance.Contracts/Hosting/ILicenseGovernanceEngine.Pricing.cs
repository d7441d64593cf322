using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Checks the price and currency and resolves the SKU, saving nothing; returns the SKU's part number.</summary>
        Task<string> CheckPriceAsync(SetPriceRequest request, IGovernanceSink sink);

        Task<LicensePrice> SetPriceAsync(SetPriceRequest request, IGovernanceSink sink);

        /// <summary>Reads and checks a price CSV, saving nothing; returns the prices an import would keep.</summary>
        Task<IReadOnlyList<LicensePrice>> CheckPriceFileAsync(ImportPriceRequest request, IGovernanceSink sink);

        /// <summary>Reads a price CSV; writes one <see cref="LicensePrice"/> per row it keeps.</summary>
        Task ImportPricesAsync(ImportPriceRequest request, IGovernanceSink sink);

        /// <summary>Writes the effective prices: the user's own first, then built-in list prices.</summary>
        Task GetPricesAsync(GetPriceRequest request, IGovernanceSink sink);
    }
}
