using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>The change journal's file for this session.</summary>
        string JournalPath { get; }

        /// <summary>Writes one <see cref="LicenseChange"/> per journaled change that matches, oldest first.</summary>
        Task GetChangeLogAsync(GetChangeLogRequest request, IGovernanceSink sink);

        /// <summary>
        /// Reverses the chosen changes newest first, asking the sink's ShouldProcess for each, journaling each reversal;
        /// writes one <see cref="LicenseChangeUndoResult"/> per change.
        /// </summary>
        Task UndoChangesAsync(UndoChangeRequest request, IGovernanceSink sink);

        /// <summary>
        /// Reads the target of each chosen change whose outcome is Unknown and records the outcome the tenant shows, asking
        /// the sink's ShouldProcess for each it can record; writes one <see cref="LicenseChangeReconcileResult"/> per Unknown change.
        /// </summary>
        Task UpdateChangeLogAsync(UpdateChangeLogRequest request, IGovernanceSink sink);
    }
}
