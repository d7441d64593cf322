using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>
        /// Reads the Microsoft 365 usage reports and writes one <see cref="UnderusedLicense"/> per user and premium SKU whose
        /// visible usage a cheaper tier covers, with the saving. Stops with a clear error when the reports conceal names.
        /// </summary>
        Task GetUnderusedLicensesAsync(GetUnderusedLicenseRequest request, IGovernanceSink sink);
    }
}
