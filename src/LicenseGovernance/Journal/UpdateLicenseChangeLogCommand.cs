using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Journal
{
    /// <summary>
    /// Records the real outcome of journaled changes left Unknown (their run was stopped, or Graph's answer was lost), read
    /// from the tenant. It writes to the journal only, never to the tenant; the engine asks ShouldProcess per change once it
    /// knows what the tenant shows. An Update, not a switch of Get-LicenseChangeLog, because it writes.
    /// </summary>
    [Cmdlet(VerbsData.Update, "LicenseChangeLog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(LicenseChangeReconcileResult))]
    public sealed class UpdateLicenseChangeLogCommand : ChangeSelectionCmdlet
    {
        /// <summary>Without -Id, -Since or -CorrelationId (and with nothing piped), every Unknown change of the connected tenant.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public Guid[]? Id { get; set; }

        protected override Guid[]? BoundIds => Id;

        protected override Task RunAsync(IGovernanceSink sink) => Engine.UpdateChangeLogAsync(new UpdateChangeLogRequest
        {
            Id = ChosenIds,
            Since = ChosenSince,
            CorrelationId = ChosenCorrelationId,
        }, sink);
    }
}
