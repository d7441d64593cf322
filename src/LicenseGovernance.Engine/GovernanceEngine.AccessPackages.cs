using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.AccessPackages;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
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
            WithGraph(sink, s => TierAssignmentService.ApplyAsync(s, plan, BeginJournal(s, plan.Action == TierAssignmentAction.Add ? "Add-TierAssignment" : "Remove-TierAssignment", sink), sink.Cancellation));

        public Task GetTierAssignmentsAsync(GetTierAssignmentRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.GetAssignmentsAsync(s, request, sink));

        public Task GetTierAssignmentRequestsAsync(GetTierAssignmentRequestQuery request, IGovernanceSink sink) =>
            WithGraph(sink, s => TierAssignmentService.GetRequestsAsync(s, request, sink));
    }
}
