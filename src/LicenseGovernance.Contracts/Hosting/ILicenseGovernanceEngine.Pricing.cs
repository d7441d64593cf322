using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        Task<LicensePrice> SetPriceAsync(SetPriceRequest request, IGovernanceSink sink);

        /// <summary>Reads a price CSV; writes one <see cref="LicensePrice"/> per row it keeps.</summary>
        Task ImportPricesAsync(ImportPriceRequest request, IGovernanceSink sink);

        /// <summary>Writes the effective prices: the user's own first, then built-in list prices.</summary>
        Task GetPricesAsync(GetPriceRequest request, IGovernanceSink sink);
    }
}
