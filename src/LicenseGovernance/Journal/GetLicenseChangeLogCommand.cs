using System;
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
            var request = new GetChangeLogRequest
            {
                Id = Id,
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
    }
}
