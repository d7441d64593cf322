using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Commands.Tiers;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Migration
{
    /// <summary>
    /// Replaces users' direct SKU assignments with the group's, never leaving a user without the licence: the engine plans,
    /// asks ShouldProcess once with the whole plan resolved (so -WhatIf lists every user), adds members, waits, verifies,
    /// and only then removes direct assignments in waves. Run it again after any interruption to continue.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "DirectToGroupLicense", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DirectToGroupMigrationResult), typeof(DirectToGroupMigrationSummary))]
    public sealed class MoveDirectToGroupLicenseCommand : PipedUsersCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string? Sku { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string? Group { get; set; }

        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter]
        [ValidateRange(1, MoveDirectToGroupLicenseRequest.MaxBatchSize)]
        public int BatchSize { get; set; } = 100;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxUsers { get; set; }

        /// <summary>Seconds to wait for Entra to process the group.</summary>
        [Parameter]
        [ValidateRange(0, MoveDirectToGroupLicenseRequest.MaxWaitTimeoutSeconds)]
        public int WaitTimeout { get; set; } = 3600;

        [Parameter]
        public SwitchParameter AcceptPlanDifference { get; set; }

        /// <summary>Only the run's summary (counts, writes, pacing), instead of one result per user.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        private protected override string[]? PipedUser => User;

        // One engine run for every piped user: membership goes 20 per request and removals in waves across them all.
        private protected override void Run(string[]? users)
        {
            var request = new MoveDirectToGroupLicenseRequest
            {
                Sku = Sku!,
                Group = Group!,
                User = users,
                BatchSize = BatchSize,
                MaxUsers = MyInvocation.BoundParameters.ContainsKey(nameof(MaxUsers)) ? MaxUsers : (int?)null,
                WaitTimeoutSeconds = WaitTimeout,
                AcceptPlanDifference = AcceptPlanDifference,
                Summary = Summary,
                WhatIf = WhatIfMode,
            };
            RunEngine(sink => Engine.MoveDirectToGroupLicenseAsync(request, sink));
        }
    }
}
