using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Measures the tenant and writes one <see cref="LicenseHealth"/> with its components.</summary>
        Task GetLicenseHealthAsync(GetLicenseHealthRequest request, IGovernanceSink sink);

        /// <summary>
        /// Measures the tenant, renders the self-contained HTML report (with the trend from earlier reports in the same folder),
        /// asks the sink's ShouldProcess for the file and writes it. Returns the path written, or null when not confirmed.
        /// </summary>
        Task<string?> ExportLicenseHealthReportAsync(ExportLicenseHealthReportRequest request, IGovernanceSink sink);
    }
}
