using System;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>
    /// The tier reconciler a runbook runs on a schedule: every user in the tier system (or those named) ends in exactly the
    /// tier they are entitled to, moved in the safe order, with bridges ahead of assignments that end soon. The engine asks
    /// ShouldProcess per user with the move resolved, so -WhatIf lists every move; it takes the tenant-side lease only to write.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "LicenseTier", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierMoveResult), typeof(TierSyncSummary))]
    public sealed class SyncLicenseTierCommand : PipedUsersCmdlet
    {
        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter]
        public TimeSpan? LookAhead { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Seconds each wait for access package delivery or Entra may last.</summary>
        [Parameter]
        [ValidateRange(0, SyncLicenseTierRequest.MaxWaitTimeoutSeconds)]
        public int WaitTimeout { get; set; } = SyncLicenseTierRequest.DefaultWaitTimeoutSeconds;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        private protected override string[]? PipedUser => User;

        // One engine run for every piped user: moves go in phases across all of them, under one lease.
        private protected override void Run(string[]? users)
        {
            var request = new SyncLicenseTierRequest
            {
                User = users,
                LookAhead = LookAhead,
                Force = Force,
                Summary = Summary,
                WaitTimeoutSeconds = WaitTimeout,
            };
            RunEngine(sink => Engine.SyncLicenseTiersAsync(request, sink));
        }
    }
}
