using System.Collections.Generic;
using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>
    /// Removes zombie licences the way each arrives: a direct assignment by assignLicense, a group licence by ending the
    /// access package assignment or removing the group membership. The engine reads and judges each user afresh and asks
    /// ShouldProcess per licence with the changes and the money resolved, so -WhatIf lists all of it. Journaled; undoable.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ZombieLicense", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(ZombieLicenseRemoval), typeof(ZombieLicenseRemovalSummary))]
    public sealed class RemoveZombieLicenseCommand : LicenseGovernanceCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string UserSet = "User";

        private readonly List<ZombieLicense> _licenses = new List<ZombieLicense>();
        private readonly List<ZombieLicenseTarget> _targets = new List<ZombieLicenseTarget>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public ZombieLicense[]? InputObject { get; set; }

        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string? User { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
        [Alias("SkuId", "SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string? Sku { get; set; }

        [Parameter(ParameterSetName = UserSet)]
        [ValidateRange(GetZombieLicenseRequest.MinInactiveDays, GetZombieLicenseRequest.MaxInactiveDays)]
        public int InactiveDays { get; set; } = 90;

        /// <summary>Also remove licences that carry an Exchange Online mailbox (it becomes inaccessible and is deleted after 30 days).</summary>
        [Parameter]
        public SwitchParameter IncludeMailboxLicenses { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Justification { get; set; }

        /// <summary>Only the run's summary (the money recovered), instead of one result per licence.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == UserSet)
            {
                _targets.Add(new ZombieLicenseTarget { User = User!, Sku = Sku! });
            }
            else if (InputObject != null)
            {
                _licenses.AddRange(InputObject);
            }
        }

        // One engine run for everything piped, so the summary adds up the whole run and one correlation id undoes it.
        // Results and the summary never share the stream (-Summary picks one), so Export-Csv sees one type.
        protected override void EndProcessing()
        {
            try
            {
                var request = new RemoveZombieLicenseRequest
                {
                    Licenses = _licenses.ToArray(),
                    Targets = _targets.ToArray(),
                    InactiveDays = InactiveDays,
                    IncludeMailboxLicenses = IncludeMailboxLicenses,
                    Justification = Justification,
                    Summary = Summary,
                    WhatIf = WhatIfMode,
                };
                RunEngine(sink => Engine.RemoveZombieLicensesAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
