using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Journal
{
    /// <summary>
    /// Reverses journaled changes, newest first, after reading each target's current state; each reversal is journaled
    /// too. The engine asks ShouldProcess per change once it knows what the reversal will do.
    /// </summary>
    [Cmdlet(VerbsCommon.Undo, "LicenseChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(LicenseChangeUndoResult))]
    public sealed class UndoLicenseChangeCommand : LicenseGovernanceCmdlet
    {
        private const string IdSet = "Id";
        private const string SinceSet = "Since";
        private const string CorrelationSet = "CorrelationId";

        private readonly List<Guid> _ids = new List<Guid>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public Guid[]? Id { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SinceSet)]
        public DateTimeOffset Since { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CorrelationSet)]
        public Guid CorrelationId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                _ids.AddRange(Id.Where(i => !_ids.Contains(i)));
            }
        }

        // Piped changes are undone in one engine call, so that they are reversed newest first whatever order they came in.
        protected override void EndProcessing()
        {
            try
            {
                var request = new UndoChangeRequest
                {
                    Id = ParameterSetName == IdSet ? _ids.ToArray() : null,
                    Since = ParameterSetName == SinceSet ? Since : (DateTimeOffset?)null,
                    CorrelationId = ParameterSetName == CorrelationSet ? CorrelationId : (Guid?)null,
                    Force = Force,
                };
                if (ParameterSetName != IdSet || _ids.Count > 0)
                {
                    RunEngine(sink => Engine.UndoChangesAsync(request, sink));
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
