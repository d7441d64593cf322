using System.Threading.Tasks;
using LicenseGovernance.Engine.UserLicenses;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task GetUserLicensesAsync(GetUserLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s => await UserLicenseReader.WriteAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), sink).ConfigureAwait(false));
    }
}
