using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.AccessPackages;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Lifecycle;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task<TierAccessPackagePlan> PlanTierAccessPackageAsync(TierAccessPackageRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => AccessPackageService.PlanAsync(s, request, sink));

        public Task<TierAccessPackage> ApplyTierAccessPackagePlanAsync(TierAccessPackagePlan plan, IGovernanceSink sink) =>
            WithGraph(sink, s => AccessPackageService.ApplyAsync(s, plan, BeginJournal(s, plan.Request.Exception ? "New-LicenseExceptionPackage" : "New-TierAccessPackage", sink), sink));

        public Task GetTierAccessPackagesAsync(GetTierAccessPackageRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => AccessPackageService.GetAsync(s, request, sink));

        /// <summary>Entitlement management resolves the package; under -Force the tier moves plan each holder's way off it.</summary>
        public Task<TierAccessPackageRemovalPlan> PlanRemoveTierAccessPackageAsync(RemoveTierAccessPackageRequest request, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var plan = await TierAccessPackageRemover.PlanAsync(s, request, sink.Cancellation).ConfigureAwait(false);
                if (plan.Force)
                {
                    TierAccessPackageRemover.AddHolders(plan, await TierPackageRetirement.PlanAsync(s, plan.PackageId.ToString(), await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), new JournalFile(JournalPath), sink).ConfigureAwait(false));
                }

                return plan;
            });

        /// <summary>The tier moves take the holders off the package in the safe order first; then entitlement management deletes it.</summary>
        public Task<TierAccessPackageRemoval> ApplyRemoveTierAccessPackagePlanAsync(TierAccessPackageRemovalPlan plan, IGovernanceSink sink) =>
            WithGraph(sink, async s =>
            {
                var journal = BeginJournal(s, "Remove-TierAccessPackage", sink);
                var holders = plan.Force
                    ? await TierPackageRetirement.MoveAsync(s, plan.PackageId.ToString(), await Skus().ReadAsync(s, sink.Cancellation).ConfigureAwait(false), journal, new JournalFile(JournalPath), TimeSpan.FromSeconds(plan.WaitTimeoutSeconds), sink).ConfigureAwait(false)
                    : new List<TierMoveResult>();
                return await TierAccessPackageRemover.ApplyAsync(s, plan, holders, journal, sink).ConfigureAwait(false);
            });

        public Task<TierAssignmentPlan> PlanAddTierAssignmentAsync(AddTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.PlanAddAsync(s, request, sink.Cancellation));

        public Task<TierAssignmentPlan> PlanRemoveTierAssignmentAsync(RemoveTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.PlanRemoveAsync(s, request, sink.Cancellation));

        public Task<TierAssignmentRequestInfo> ApplyTierAssignmentPlanAsync(TierAssignmentPlan plan, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.ApplyAsync(s, plan, BeginJournal(s, plan.Action == TierAssignmentAction.Add ? "Add-TierAssignment" : "Remove-TierAssignment", sink), sink.Cancellation));

        public Task GetTierAssignmentsAsync(GetTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.GetAssignmentsAsync(s, request, sink));

        public Task GetTierAssignmentRequestsAsync(GetTierAssignmentRequestQuery request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.GetRequestsAsync(s, request, sink));

        public Task<TierRequestPlan> PlanTierRequestAsync(RequestTierAssignmentRequest request, IGovernanceSink sink) =>
            AsUser(request.As, sink, s => TierRequestService.PlanRequestAsync(s, request, sink.Cancellation));

        public Task<TierAssignmentRequestInfo> ApplyTierRequestPlanAsync(TierRequestPlan plan, IGovernanceSink sink) =>
            AsUser(plan.As, sink, s => TierRequestService.ApplyRequestAsync(s, plan, BeginJournal(s, "Request-TierAssignment", sink), sink.Cancellation));

        public Task<TierRequestDecisionPlan> PlanTierRequestDecisionAsync(TierRequestDecisionRequest request, IGovernanceSink sink) =>
            AsUser(request.As, sink, s => TierRequestService.PlanDecisionAsync(s, request, sink.Cancellation));

        public Task<TierAssignmentRequestInfo> ApplyTierRequestDecisionPlanAsync(TierRequestDecisionPlan plan, IGovernanceSink sink) =>
            AsUser(plan.As, sink, s => TierRequestService.ApplyDecisionAsync(s, plan, BeginJournal(s, plan.Decision == "Approve" ? "Approve-TierAssignmentRequest" : "Deny-TierAssignmentRequest", sink), sink.Cancellation));

        public Task GetTierAccessReviewsAsync(GetTierAccessReviewRequest request, IGovernanceSink sink) =>
            AsUser(request.As, sink, async s =>
            {
                await TierAccessReviewService.GetAsync(s, request, sink).ConfigureAwait(false);
                return true;
            });

        public Task<TierAccessReviewDecisionPlan> PlanTierAccessReviewDecisionAsync(TierAccessReviewDecisionRequest request, IGovernanceSink sink) =>
            AsUser(request.As, sink, s => TierAccessReviewService.PlanDecisionAsync(s, request, sink.Cancellation));

        public Task<TierAccessReviewDecision> ApplyTierAccessReviewDecisionPlanAsync(TierAccessReviewDecisionPlan plan, IGovernanceSink sink) =>
            AsUser(plan.As, sink, s => TierAccessReviewService.ApplyDecisionAsync(s, plan, BeginJournal(s, "Set-TierAccessReviewDecision", sink), sink.Cancellation));

        /// <summary>
        /// -As on the simulated tenant: the work runs in a session of its own, signed in as that user with the delegated
        /// permissions an interactive sign-in asks for, on the same tenant (its clock and state) and journal; the connected
        /// session stays as it is. A real tenant is refused: acting as someone else there would need their sign-in.
        /// </summary>
        private async Task<T> AsUser<T>(string? user, IGovernanceSink sink, Func<GraphSession, Task<T>> work)
        {
            if (string.IsNullOrWhiteSpace(user))
            {
                return await WithGraph(sink, work).ConfigureAwait(false);
            }

            var tenant = RequireSession().Tenant ?? throw Errors.SimulatorRequired("-As").ToException();
            Simulator.SimulatedPrincipal principal;
            try
            {
                principal = tenant.SignIn(user!.Trim(), tenant.DefaultPrincipal.AppId, tenant.DefaultPrincipal.DisplayName, CapabilityCatalog.DelegatedPermissions());
            }
            catch (ArgumentException)
            {
                throw Errors.UserNotFound(user!).ToException();
            }

            using var acting = GraphSessionFactory.ForSimulator(tenant, principal, tenant.Clock.UtcNow);
            acting.Context.JournalPath = JournalPath;
            sink.WriteVerbose($"Acting as {principal.UserPrincipalName} on the simulated tenant (delegated).");
            using (RequestLoggingHandler.Use(sink.WriteVerbose))
            {
                return await work(acting).ConfigureAwait(false);
            }
        }
    }
}
