using System.Threading.Tasks;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Waste;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task GetZombieLicensesAsync(GetZombieLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var query = ZombieQuery.From(request);
                query.Validate();
                var skus = await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false);
                await WasteScanner.ScanAsync(s, skus, query, sink.WriteObject, sink).ConfigureAwait(false);
            });

        public Task GetLicenseUtilizationAsync(GetZombieLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var query = ZombieQuery.From(request);
                query.Validate();
                var skus = await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false);
                var scan = await WasteScanner.ScanAsync(s, skus, query, _ => { }, sink).ConfigureAwait(false);
                foreach (var row in WasteScanner.Utilization(scan))
                {
                    sink.WriteObject(row);
                }
            });

        public Task<ZombieLicenseRemovalSummary> RemoveZombieLicensesAsync(RemoveZombieLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                ZombieQuery.ValidateInactiveDays(request.InactiveDays);
                var skus = await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false);
                var journal = BeginContinuingJournal(s, "Remove-ZombieLicense", sink);
                var summary = await ZombieLicenseRemover.RunAsync(s, request, skus, journal, sink).ConfigureAwait(false);
                await journal.ResolveEarlierRunsAsync().ConfigureAwait(false);
                return summary;
            });
    }
}
