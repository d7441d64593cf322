using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Journal
{
    /// <summary>Reads the change journal: every change the module made (or set out to make) to a tenant, oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseChangeLog")]
    [OutputType(typeof(LicenseChange))]
    public sealed class GetLicenseChangeLogCommand : LicenseGovernanceCmdlet
    {
        private readonly List<Guid> _ids = new List<Guid>();
        private bool _received;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public Guid[]? Id { get; set; }

        [Parameter]
        public DateTimeOffset? Since { get; set; }

        [Parameter]
        public DateTimeOffset? Until { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Operation { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Target { get; set; }

        [Parameter]
        public Guid? CorrelationId { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        [Parameter]
        public SwitchParameter AllTenants { get; set; }

        protected override void ProcessRecord()
        {
            _received = true;
            if (Id != null)
            {
                _ids.AddRange(Id.Where(i => !_ids.Contains(i)));
            }
        }

        // Piped changes are looked up in one read of the journal, not one read per change.
        protected override void EndProcessing()
        {
            try
            {
                if (!_received)
                {
                    return;
                }

                var request = new GetChangeLogRequest
                {
                    Id = _ids.Count == 0 ? null : _ids.ToArray(),
                    Since = Since,
                    Until = Until,
                    Operation = Operation,
                    Target = Target,
                    CorrelationId = CorrelationId,
                    Last = Last,
                    AllTenants = AllTenants,
                };
                RunEngine(sink => Engine.GetChangeLogAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
