using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.AccessPackages;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Sessions;
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

        public Task<TierAssignmentPlan> PlanAddTierAssignmentAsync(AddTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.PlanAddAsync(s, request, sink.Cancellation));

        public Task<TierAssignmentPlan> PlanRemoveTierAssignmentAsync(RemoveTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.PlanRemoveAsync(s, request, sink.Cancellation));

        public Task<TierAssignmentRequestInfo> ApplyTierAssignmentPlanAsync(TierAssignmentPlan plan, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.ApplyAsync(s, plan, BeginJournal(s, plan.Action == "Add" ? "Add-TierAssignment" : "Remove-TierAssignment", sink), sink.Cancellation));

        public Task GetTierAssignmentsAsync(GetTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.GetAssignmentsAsync(s, request, sink));

        public Task GetTierAssignmentRequestsAsync(GetTierAssignmentRequestQuery request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.GetRequestsAsync(s, request, sink));

        /// <summary>
        /// For the waste feature: removes (adminRemove, journaled in <paramref name="journal"/>) the user's delivered assignments
        /// whose package grants <paramref name="groupId"/>'s Member role, so entitlement management does not add the user back.
        /// </summary>
        internal static Task<IReadOnlyList<AccessPackageAssignmentChange>> RemoveAccessPackageAssignmentsForUserAsync(GraphSession session, string userId, string groupId, JournalScope journal, CancellationToken cancellation, string? justification = null) =>
            AccessPackageAssignmentRemover.RemoveForUserAsync(session, userId, groupId, journal, cancellation, justification);

        /// <summary>Every access package, in any catalog, granting the Member role of the group.</summary>
        internal static Task<IReadOnlyList<AccessPackage>> FindPackagesGrantingGroupAsync(GraphSession session, string groupId, CancellationToken cancellation) =>
            AccessPackageAssignmentRemover.FindPackagesGrantingGroupAsync(session, groupId, cancellation);
    }
}
