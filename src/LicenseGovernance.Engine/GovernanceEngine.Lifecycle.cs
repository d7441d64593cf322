using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Lifecycle;
using LicenseGovernance.Engine.Lifecycle.Offboarding;
using LicenseGovernance.Engine.Lifecycle.Workforce;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task<TierLifecycleWorkflowPlan> PlanTierLifecycleWorkflowsAsync(TierLifecycleWorkflowRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierWorkflowProvisioner.PlanAsync(s, request, sink.Cancellation));

        public Task<TierLifecycleWorkflow[]> ApplyTierLifecycleWorkflowPlanAsync(TierLifecycleWorkflowPlan plan, IGovernanceSink sink) =>
            WithGraph(sink, s => TierWorkflowProvisioner.ApplyAsync(s, plan, BeginJournal(s, "New-TierLifecycleWorkflow", sink), sink.Cancellation));

        public Task SyncLicenseTiersAsync(SyncLicenseTierRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                TierReconciler.Validate(request);
                var journal = BeginContinuingJournal(s, "Sync-LicenseTier", sink);
                await TierReconciler.RunAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false),
                    () => journal, new JournalFile(JournalPath), sink).ConfigureAwait(false);
                await journal.ResolveEarlierRunsAsync().ConfigureAwait(false);
            });

        public Task<UserTierMovePlan> PlanUserTierMoveAsync(MoveUserLicenseTierRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s => await UserTierMove.PlanAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), new JournalFile(JournalPath), sink).ConfigureAwait(false));

        public Task<TierMoveResult> ApplyUserTierMovePlanAsync(UserTierMovePlan plan, IGovernanceSink sink) =>
            WithGraph(sink, async s => await UserTierMove.ApplyAsync(s, plan, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), BeginJournal(s, "Move-UserLicenseTier", sink), new JournalFile(JournalPath), sink).ConfigureAwait(false));

        public Task GetLicenseTierConflictsAsync(GetLicenseTierConflictRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s => await TierConflictFinder.RunAsync(s, request, await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), sink).ConfigureAwait(false));

        public Task SyncWorkforceLicensesAsync(SyncWorkforceLicenseRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                // The rules and the HR file are checked before the tenant is read: bad input changes nothing.
                var (rules, source) = WorkforceSync.Validate(request);
                var skus = await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false);
                var journalFile = new JournalFile(JournalPath);
                await WorkforceSync.RunAsync(s, request, rules, source, skus, () => BeginJournal(s, "Sync-WorkforceLicense", sink), journalFile,
                    new WorkforceLeavers(journalFile, skus), sink).ConfigureAwait(false);
            });

        public Task StartLicenseOffboardingAsync(StartLicenseOffboardingRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var journal = new OffboardingJournal(new JournalFile(JournalPath), s, sink.CommandName ?? LicenseOffboarder.Command, sink);
                var skus = await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false);
                await LicenseOffboarder.RunAsync(await OffboardingContext.CreateAsync(s, request, skus, journal, sink).ConfigureAwait(false)).ConfigureAwait(false);
            });
    }
}
