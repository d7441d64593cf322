using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>Works out the catalog, resource, package, role and policy changes New-TierAccessPackage would make; bad input throws, nothing is written.</summary>
        Task<TierAccessPackagePlan> PlanTierAccessPackageAsync(TierAccessPackageRequest request, IGovernanceSink sink);

        /// <summary>Applies a plan (after checking the tenant still matches it) and returns the package as it is now.</summary>
        Task<TierAccessPackage> ApplyTierAccessPackagePlanAsync(TierAccessPackagePlan plan, IGovernanceSink sink);

        /// <summary>Writes one <see cref="TierAccessPackage"/> per package of the catalog that matches.</summary>
        Task GetTierAccessPackagesAsync(GetTierAccessPackageRequest request, IGovernanceSink sink);

        /// <summary>
        /// Resolves the package, its holders (and under -Force each holder's move) and the objects to delete; a package with
        /// live assignments is refused without -Force. Nothing is written.
        /// </summary>
        Task<TierAccessPackageRemovalPlan> PlanRemoveTierAccessPackageAsync(RemoveTierAccessPackageRequest request, IGovernanceSink sink);

        /// <summary>
        /// Moves the holders in the safe order (ending their assignments), waits until the package has none, then deletes its
        /// policies, role scopes, the package and an unshared catalog resource, each journaled. A removal left unfinished is
        /// written as an error, and the result says so.
        /// </summary>
        Task<TierAccessPackageRemoval> ApplyRemoveTierAccessPackagePlanAsync(TierAccessPackageRemovalPlan plan, IGovernanceSink sink);

        /// <summary>Resolves the user, package and policy and checks the end date; throws on bad input. Nothing is written.</summary>
        Task<TierAssignmentPlan> PlanAddTierAssignmentAsync(AddTierAssignmentRequest request, IGovernanceSink sink);

        /// <summary>Resolves the assignment to remove; throws when there is none. Nothing is written.</summary>
        Task<TierAssignmentPlan> PlanRemoveTierAssignmentAsync(RemoveTierAssignmentRequest request, IGovernanceSink sink);

        /// <summary>Sends the planned request (journaled first) and returns the request as Graph accepted it.</summary>
        Task<TierAssignmentRequestInfo> ApplyTierAssignmentPlanAsync(TierAssignmentPlan plan, IGovernanceSink sink);

        /// <summary>Writes one <see cref="TierAssignment"/> per live assignment of the catalog's packages that matches.</summary>
        Task GetTierAssignmentsAsync(GetTierAssignmentRequest request, IGovernanceSink sink);

        /// <summary>Writes one <see cref="TierAssignmentRequestInfo"/> per request that matches.</summary>
        Task GetTierAssignmentRequestsAsync(GetTierAssignmentRequestQuery request, IGovernanceSink sink);

        /// <summary>
        /// Resolves the package and the policy the signed-in user (or, on the simulated tenant, -As) falls under and checks the
        /// request against it; a request the policy refuses throws with its reason. Nothing is written.
        /// </summary>
        Task<TierRequestPlan> PlanTierRequestAsync(RequestTierAssignmentRequest request, IGovernanceSink sink);

        /// <summary>Sends the planned request as the user it was planned for and returns the request as Graph shows it then.</summary>
        Task<TierAssignmentRequestInfo> ApplyTierRequestPlanAsync(TierRequestPlan plan, IGovernanceSink sink);

        /// <summary>Reads the request's current stage and checks the approver may decide it; throws otherwise. Nothing is written.</summary>
        Task<TierRequestDecisionPlan> PlanTierRequestDecisionAsync(TierRequestDecisionRequest request, IGovernanceSink sink);

        /// <summary>Sends the decision as the approver it was planned for and returns the request after it.</summary>
        Task<TierAssignmentRequestInfo> ApplyTierRequestDecisionPlanAsync(TierRequestDecisionPlan plan, IGovernanceSink sink);
    
        /// <summary>
        /// Writes one <see cref="TierAccessReview"/> per review instance of the tier packages that matches, or with Decisions one
        /// <see cref="TierAccessReviewDecision"/> per decision; AssignedToMe (and -As) reads the reviewer's own views.
        /// </summary>
        Task GetTierAccessReviewsAsync(GetTierAccessReviewRequest request, IGovernanceSink sink);

        /// <summary>Finds the decision among the signed-in reviewer's own and checks the review is in progress; throws otherwise. Nothing is written.</summary>
        Task<TierAccessReviewDecisionPlan> PlanTierAccessReviewDecisionAsync(TierAccessReviewDecisionRequest request, IGovernanceSink sink);

        /// <summary>Records the decision as the reviewer it was planned for (journaled first) and returns the decision as Graph shows it then.</summary>
        Task<TierAccessReviewDecision> ApplyTierAccessReviewDecisionPlanAsync(TierAccessReviewDecisionPlan plan, IGovernanceSink sink);
    }
}
