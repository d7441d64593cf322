using System.Threading.Tasks;
using LicenseGovernance.Engine.Health;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task GetLicenseHealthAsync(GetLicenseHealthRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var (health, _) = await HealthService.MeasureAsync(s, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), request.InactiveDays, sink).ConfigureAwait(false);
                sink.WriteObject(health);
            });

        public Task<string?> ExportLicenseHealthReportAsync(ExportLicenseHealthReportRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var path = HealthService.CheckTarget(request);
                return await HealthService.ExportAsync(s, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), request, path, sink).ConfigureAwait(false);
            });
    }
}
