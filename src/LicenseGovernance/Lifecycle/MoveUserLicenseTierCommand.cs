using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Commands.Tiers;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>
    /// An administrator's upgrade or downgrade of one user, now and in the safe order, through the tier's access package so
    /// the change keeps an owner and an end date; a move with an end date away from a higher tier returns the user there.
    /// The engine plans it, this asks ShouldProcess with every step, and the engine moves and waits (bounded).
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "UserLicenseTier", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierMoveResult))]
    public sealed class MoveUserLicenseTierCommand : PlannedChangeCmdlet<UserTierMovePlan, TierMoveResult>
    {
        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string User { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string Tier { get; set; } = "";

        [Parameter]
        public DateTimeOffset? EndDate { get; set; }

        [Parameter]
        public string? Justification { get; set; }

        /// <summary>Seconds to wait for access package delivery and for Entra.</summary>
        [Parameter]
        [ValidateRange(0, SyncLicenseTierRequest.MaxWaitTimeoutSeconds)]
        public int WaitTimeout { get; set; } = MoveUserLicenseTierRequest.DefaultWaitTimeoutSeconds;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new MoveUserLicenseTierRequest
            {
                User = User,
                Tier = Tier,
                EndDate = EndDate?.ToUniversalTime(),
                Justification = Justification,
                WaitTimeoutSeconds = WaitTimeout,
            };
            PlanConfirmApply(sink => Engine.PlanUserTierMoveAsync(request, sink));
        }

        internal override Task<TierMoveResult> ApplyAsync(UserTierMovePlan plan, IGovernanceSink sink) => Engine.ApplyUserTierMovePlanAsync(plan, sink);
    }
}
