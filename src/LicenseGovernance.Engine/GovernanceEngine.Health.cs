using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Health;
using LicenseGovernance.Engine.Usage;
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
                var skus = await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false);
                return await HealthService.ExportAsync(s, skus, request, path, sink, () => PremiumSavingAsync(s, skus, sink)).ConfigureAwait(false);
            });

        /// <summary>
        /// Get-UnderusedLicense's finding, summed for the report: the report spans capabilities, so they meet here. Its
        /// rows and warnings stay out of the export's output; a tenant whose usage reports cannot be read gets the reason.
        /// </summary>
        private async Task<PremiumSaving> PremiumSavingAsync(GraphSession session, System.Collections.Generic.IReadOnlyList<LicenseSku> skus, IGovernanceSink sink)
        {
            var found = new CollectingSink(sink.Cancellation);
            try
            {
                await UnderusedLicenseFinder.RunAsync(session, new GetUnderusedLicenseRequest(), skus,
                    (id, part) => Prices().GetPrice(id, part), (id, part) => Catalog().DisplayName(id, part).Name, found).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Category != GovernanceErrorCategory.OperationStopped)
            {
                sink.WriteVerbose("The underused premium saving was not measured: " + ex.Error.Message);
                return new PremiumSaving { NotMeasured = ex.Error.Message };
            }

            var rows = found.Of<UnderusedLicense>().ToList();
            return new PremiumSaving
            {
                Seats = rows.Count,
                MonthlySaving = rows.Sum(r => r.MonthlySaving ?? 0),
                Currency = rows.Select(r => r.Currency).FirstOrDefault(c => c != null),
            };
        }
    }
}
