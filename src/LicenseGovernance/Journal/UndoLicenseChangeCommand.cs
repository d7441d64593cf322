using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Journal
{
    /// <summary>
    /// Reverses journaled changes, newest first, after reading each target's current state; each reversal is journaled
    /// too. The engine asks ShouldProcess per change once it knows what the reversal will do.
    /// </summary>
    [Cmdlet(VerbsCommon.Undo, "LicenseChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(LicenseChangeUndoResult))]
    public sealed class UndoLicenseChangeCommand : ChangeSelectionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public Guid[]? Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override Guid[]? BoundIds => Id;

        protected override Task RunAsync(IGovernanceSink sink) => Engine.UndoChangesAsync(new UndoChangeRequest
        {
            Id = ChosenIds,
            Since = ChosenSince,
            CorrelationId = ChosenCorrelationId,
            Force = Force,
        }, sink);
    }
}
