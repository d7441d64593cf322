using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>Members whose licence from a group is in an error state, with the SKU and a one-line remedy; or one summary with counts.</summary>
    [Cmdlet(VerbsCommon.Get, "GroupLicenseError")]
    [OutputType(typeof(GroupLicenseError), typeof(GroupLicenseErrorSummary))]
    public sealed class GetGroupLicenseErrorCommand : LicenseGovernanceCmdlet
    {
        private readonly List<string> _groups = new List<string>();
        private bool _received;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "DisplayName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string[]? Group { get; set; }

        [Parameter]
        [ValidateSet("CountViolation", "MutuallyExclusiveViolation", "DependencyViolation", "ProhibitedInUsageLocationViolation", "UniquenessViolation", "Other")]
        public string[]? ErrorType { get; set; }

        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            _received = true;
            if (Group != null)
            {
                _groups.AddRange(Group.Where(g => !_groups.Contains(g, StringComparer.OrdinalIgnoreCase)));
            }
        }

        // Piped groups are read in one engine call, so that -Summary counts them all in one summary.
        protected override void EndProcessing()
        {
            try
            {
                if (_received)
                {
                    var request = new GetGroupLicenseErrorRequest
                    {
                        Group = _groups.Count == 0 ? null : _groups.ToArray(),
                        ErrorType = ErrorType,
                        Summary = Summary,
                    };
                    RunEngine(sink => Engine.GetGroupLicenseErrorsAsync(request, sink));
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
