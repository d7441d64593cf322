using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Works out which of document 000's lifecycle workflows New-TierLifecycleWorkflow would create or change; nothing is written.</summary>
        Task<TierLifecycleWorkflowPlan> PlanTierLifecycleWorkflowsAsync(TierLifecycleWorkflowRequest request, IGovernanceSink sink);

        /// <summary>Applies the plan (after checking the tenant still matches it) and returns every workflow as it now is.</summary>
        Task<TierLifecycleWorkflow[]> ApplyTierLifecycleWorkflowPlanAsync(TierLifecycleWorkflowPlan plan, IGovernanceSink sink);

        /// <summary>
        /// Brings every user in the tier system (or those named) to exactly their desired tier in the safe order, asking the
        /// sink's ShouldProcess per user. Writes one <see cref="TierMoveResult"/> per user changed, waiting or failed, or
        /// with <see cref="SyncLicenseTierRequest.Summary"/> one <see cref="TierSyncSummary"/> only.
        /// </summary>
        Task SyncLicenseTiersAsync(SyncLicenseTierRequest request, IGovernanceSink sink);

        /// <summary>Resolves the user and tier and works out the steps; bad input throws, nothing is written.</summary>
        Task<UserTierMovePlan> PlanUserTierMoveAsync(MoveUserLicenseTierRequest request, IGovernanceSink sink);

        /// <summary>Makes the planned move in the safe order and waits (bounded) for it to finish.</summary>
        Task<TierMoveResult> ApplyUserTierMovePlanAsync(UserTierMovePlan plan, IGovernanceSink sink);

        /// <summary>Writes one <see cref="TierConflict"/> per user and kind found.</summary>
        Task GetLicenseTierConflictsAsync(GetLicenseTierConflictRequest request, IGovernanceSink sink);

        /// <summary>
        /// Brings every person of the HR source to what the rules give (joiners on their first day, movers without a gap,
        /// leavers offboarded, leave down and back), asking the sink's ShouldProcess for the run's seats and per person.
        /// Writes one <see cref="WorkforceChange"/> per person changed, deferred or refused, or with
        /// <see cref="SyncWorkforceLicenseRequest.Preview"/> one <see cref="WorkforcePreview"/> and no change.
        /// </summary>
        Task SyncWorkforceLicensesAsync(SyncWorkforceLicenseRequest request, IGovernanceSink sink);
        /// <summary>
        /// Offboards each user in the safe order (sign-in, sessions, holds, mailbox, OneDrive, requests, licences, money),
        /// asking the sink's ShouldProcess per user with the whole plan. Writes the steps (<see cref="LicenseOffboardingStep"/>)
        /// or, with <see cref="StartLicenseOffboardingRequest.Summary"/>, one <see cref="LicenseOffboardingSummary"/> per user.
        /// Bad input throws before anything is read or written.
        /// </summary>
        Task StartLicenseOffboardingAsync(StartLicenseOffboardingRequest request, IGovernanceSink sink);
    }
}
