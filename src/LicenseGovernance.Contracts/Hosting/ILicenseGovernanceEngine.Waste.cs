using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Writes one <see cref="ZombieLicense"/> per user and SKU as the user pages arrive.</summary>
        Task GetZombieLicensesAsync(GetZombieLicenseRequest request, IGovernanceSink sink);

        /// <summary>
        /// Removes each licence the way it arrives (assignLicense, group membership, or the access package assignment), asking
        /// the sink's ShouldProcess per licence; writes one <see cref="ZombieLicenseRemoval"/> each, or with
        /// <see cref="RemoveZombieLicenseRequest.Summary"/> only the <see cref="ZombieLicenseRemovalSummary"/>, so the stream
        /// carries one type. Returns the summary either way.
        /// </summary>
        Task<ZombieLicenseRemovalSummary> RemoveZombieLicensesAsync(RemoveZombieLicenseRequest request, IGovernanceSink sink);

        /// <summary>Writes one <see cref="LicenseUtilization"/> per SKU.</summary>
        Task GetLicenseUtilizationAsync(GetZombieLicenseRequest request, IGovernanceSink sink);
    }
}
