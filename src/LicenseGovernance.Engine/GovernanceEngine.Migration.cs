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

        public Task MoveDirectToGroupLicenseAsync(MoveDirectToGroupLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s => await DirectToGroupMigrator.RunAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), BeginJournal(s, "Move-DirectToGroupLicense", sink), sink).ConfigureAwait(false));
    }
}
