using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Journal
{
    /// <summary>
    /// The choice of journaled changes that Undo-LicenseChange and Update-LicenseChangeLog share: by id (piped from
    /// Get-LicenseChangeLog), every change since a time, or the changes of one run. Each command declares -Id itself, since
    /// only Undo requires it; piped ids are gathered and handed to the engine in one call at the end.
    /// </summary>
    public abstract class ChangeSelectionCmdlet : LicenseGovernanceCmdlet
    {
        protected const string IdSet = "Id";
        protected const string SinceSet = "Since";
        protected const string CorrelationSet = "CorrelationId";

        private readonly List<Guid> _ids = new List<Guid>();

        [Parameter(Mandatory = true, ParameterSetName = SinceSet)]
        public DateTimeOffset Since { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CorrelationSet)]
        public Guid CorrelationId { get; set; }

        /// <summary>The -Id the current record bound.</summary>
        protected abstract Guid[]? BoundIds { get; }

        /// <summary>The ids gathered from every record, or null when none came.</summary>
        protected Guid[]? ChosenIds => _ids.Count > 0 ? _ids.ToArray() : null;

        protected DateTimeOffset? ChosenSince => ParameterSetName == SinceSet ? Since : (DateTimeOffset?)null;

        protected Guid? ChosenCorrelationId => ParameterSetName == CorrelationSet ? CorrelationId : (Guid?)null;

        /// <summary>The engine call with the whole choice, made once.</summary>
        protected abstract Task RunAsync(IGovernanceSink sink);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            if (BoundIds != null)
            {
                _ids.AddRange(BoundIds.Where(i => !_ids.Contains(i)));
            }
        }

        // One engine call for everything piped: the engine orders the changes itself (Undo goes newest first).
        protected override void EndProcessing()
        {
            try
            {
                // A pipeline that brought no change chooses none, not all of them.
                if (_ids.Count > 0 || !(ParameterSetName == IdSet && MyInvocation.ExpectingInput))
                {
                    RunEngine(RunAsync);
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
