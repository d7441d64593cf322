using System.Threading.Tasks;
using LicenseGovernance.Engine.Usage;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task GetUnderusedLicensesAsync(GetUnderusedLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s => await UnderusedLicenseFinder.RunAsync(
                s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false),
                (id, part) => Prices().GetPrice(id, part),
                (id, part) => Catalog().DisplayName(id, part).Name,
                sink).ConfigureAwait(false));
    }
}
