using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>
        /// Writes one <see cref="UserLicense"/> per user and SKU as the user pages arrive (or, with
        /// <see cref="GetUserLicenseRequest.Unlicensed"/>, one per user of the tier system who holds nothing).
        /// </summary>
        Task GetUserLicensesAsync(GetUserLicenseRequest request, IGovernanceSink sink);
    }
}
