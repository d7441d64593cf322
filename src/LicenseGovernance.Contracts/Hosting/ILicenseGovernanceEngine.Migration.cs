using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Writes one <see cref="DirectLicenseAssignment"/> per user and SKU (or one <see cref="DirectLicenseSummary"/> per SKU).</summary>
        Task GetDirectLicenseAssignmentsAsync(GetDirectLicenseAssignmentRequest request, IGovernanceSink sink);

        /// <summary>
        /// Moves users from a direct SKU assignment to the group's: plans, asks the sink's ShouldProcess once for the whole plan,
        /// adds members, waits for Entra, verifies each user and only then removes direct assignments in waves. Writes one
        /// <see cref="DirectToGroupMigrationResult"/> per user, or with <see cref="MoveDirectToGroupLicenseRequest.Summary"/> only
        /// the <see cref="DirectToGroupMigrationSummary"/>, so the stream carries one type. Returns the summary either way.
        /// </summary>
        Task<DirectToGroupMigrationSummary> MoveDirectToGroupLicenseAsync(MoveDirectToGroupLicenseRequest request, IGovernanceSink sink);
    }
}
