using System.Threading.Tasks;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Migration;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task GetDirectLicenseAssignmentsAsync(GetDirectLicenseAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s => await DirectAssignmentReader.WriteAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), sink).ConfigureAwait(false));

        public Task<DirectToGroupMigrationSummary> MoveDirectToGroupLicenseAsync(MoveDirectToGroupLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var journal = BeginContinuingJournal(s, "Move-DirectToGroupLicense", sink);
                var summary = await DirectToGroupMigrator.RunAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), journal, sink).ConfigureAwait(false);
                await journal.ResolveEarlierRunsAsync().ConfigureAwait(false);
                return summary;
            });
    }
}
