using System.Collections.Generic;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>
    /// Removes piped zombie licences the way each arrives: a direct assignment by assignLicense, a group licence by ending
    /// the access package assignment or removing the group membership. The engine reads each user afresh and asks
    /// ShouldProcess per licence with the changes and the money resolved, so -WhatIf lists all of it. Journaled; undoable.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ZombieLicense", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ZombieLicenseRemoval), typeof(ZombieLicenseRemovalSummary))]
    public sealed class RemoveZombieLicenseCommand : LicenseGovernanceCmdlet
    {
        private readonly List<ZombieLicense> _licenses = new List<ZombieLicense>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ZombieLicense[]? InputObject { get; set; }

        /// <summary>Also remove licences that carry an Exchange Online mailbox (it becomes inaccessible and is deleted after 30 days).</summary>
        [Parameter]
        public SwitchParameter IncludeMailboxLicenses { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Justification { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                _licenses.AddRange(InputObject);
            }
        }

        // One engine run for everything piped, so the summary adds up the whole run and one correlation id undoes it.
        protected override void EndProcessing()
        {
            try
            {
                var request = new RemoveZombieLicenseRequest { Licenses = _licenses.ToArray(), IncludeMailboxLicenses = IncludeMailboxLicenses, Justification = Justification };
                RunEngine(sink => Engine.RemoveZombieLicensesAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
