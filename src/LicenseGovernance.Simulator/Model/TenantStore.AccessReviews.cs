using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// The access reviews that access package policies ask for, run on the tenant's clock: each policy's series starts an
    /// instance at every occurrence of its schedule, with one decision item per delivered assignment, assigned to the
    /// reviewers the policy names; at the instance's end the results are applied, a denial (or no response, as the policy
    /// says) removing the assignment through the normal removal, so its memberships and licences go.
    /// </summary>
    public sealed partial class TenantStore
    {
        public IReadOnlyList<SimulatedAccessReview> AccessReviews => Read(() => _entitlement.Reviews.ToArray());

        /// <summary>The next instance to start or to end, or null.</summary>
        private DateTimeOffset? ReviewsNextDue()
        {
            DateTimeOffset? next = null;
            foreach (var policy in _entitlement.Policies.Where(p => p.Review != null))
            {
                var due = NextOccurrence(policy, ReviewOf(policy));
                next = next == null || due < next ? due : next;
            }

            foreach (var instance in _entitlement.Reviews.SelectMany(r => r.Instances).Where(i => i.Status == "InProgress"))
            {
                next = next == null || instance.EndDateTime < next ? instance.EndDateTime : next;
            }

            return next;
        }

        private void ReviewStep(DateTimeOffset at)
        {
            foreach (var review in _entitlement.Reviews)
            {
                foreach (var instance in review.Instances.Where(i => i.Status == "InProgress" && i.EndDateTime <= at).ToList())
                {
                    ApplyReviewResults(review, instance, instance.EndDateTime);
                }
            }

            foreach (var policy in _entitlement.Policies.Where(p => p.Review != null).ToList())
            {
                var review = ReviewOf(policy);
                if (NextOccurrence(policy, review) <= at)
                {
                    StartReviewInstance(policy, review ?? CreateReview(policy), at);
                }
            }
        }

        private SimulatedAccessReview? ReviewOf(SimulatedAssignmentPolicy policy) => _entitlement.Reviews.Find(r => r.PolicyId == policy.Id);

        /// <summary>The start of the occurrence after the last one run (the first when none has).</summary>
        private static DateTimeOffset NextOccurrence(SimulatedAssignmentPolicy policy, SimulatedAccessReview? review)
        {
            var last = review?.Instances.Count > 0 ? review.Instances.Max(i => i.Occurrence) : -1;
            return policy.Review!.Occurrence(last + 1);
        }

        private SimulatedAccessReview CreateReview(SimulatedAssignmentPolicy policy)
        {
            var package = _entitlement.AccessPackages.Find(p => p.Id == policy.AccessPackageId);
            var review = new SimulatedAccessReview
            {
                Id = _newId(), PolicyId = policy.Id, AccessPackageId = policy.AccessPackageId, CreatedDateTime = Now,
                DisplayName = "Review of " + (package?.DisplayName ?? policy.AccessPackageId.ToString()) + " (" + policy.DisplayName + ")",
            };
            _entitlement.Reviews.Add(review);
            return review;
        }

        /// <summary>
        /// Starts the occurrence due (a clock moved past several starts the latest one, as a service that was down would),
        /// with a decision item for every assignment of the policy delivered at that moment.
        /// </summary>
        private void StartReviewInstance(SimulatedAssignmentPolicy policy, SimulatedAccessReview review, DateTimeOffset at)
        {
            var settings = policy.Review!;
            var occurrence = review.Instances.Count > 0 ? review.Instances.Max(i => i.Occurrence) + 1 : 0;
            while (settings.Occurrence(occurrence + 1) <= at)
            {
                occurrence++;
            }

            var start = settings.Occurrence(occurrence);
            var instance = new SimulatedReviewInstance { Id = _newId(), Occurrence = occurrence, StartDateTime = start, EndDateTime = start + settings.Duration };
            foreach (var assignment in _entitlement.Assignments.Where(a => a.PolicyId == policy.Id && a.State == "delivered" && a.RemovalDueDateTime == null))
            {
                if (UserById(assignment.TargetId) is SimulatedUser user)
                {
                    instance.Decisions.Add(new SimulatedReviewDecision
                    {
                        Id = _newId(), AssignmentId = assignment.Id, PrincipalId = user.Id,
                        Reviewers = ResolveReviewers(settings, user), Recommendation = Recommend(user, start),
                    });
                }
            }

            review.Instances.Add(instance);
        }

        /// <summary>The primary reviewers (the user for a self-review), else the fallback reviewers; a user never reviews themselves unless it is a self-review.</summary>
        private List<Guid> ResolveReviewers(SimulatedReviewSettings settings, SimulatedUser user)
        {
            if (settings.IsSelfReview)
            {
                return new List<Guid> { user.Id };
            }

            var reviewers = ResolveApprovers(settings.PrimaryReviewers, user);
            reviewers.Remove(user.Id);
            if (reviewers.Count == 0)
            {
                reviewers = ResolveApprovers(settings.FallbackReviewers, user);
                reviewers.Remove(user.Id);
            }

            return reviewers;
        }

        /// <summary>Entra recommends denying access to users who have not signed in for 30 days.</summary>
        private static string Recommend(SimulatedUser user, DateTimeOffset at)
        {
            var last = user.SignInActivity?.LastSignInDateTime;
            return last == null ? "NoInfoAvailable" : last >= at.AddDays(-30) ? "Approve" : "Deny";
        }

        internal SimulatedReviewDecision DecideReviewCore(SimulatedAccessReview review, SimulatedReviewInstance instance, SimulatedReviewDecision decision, Guid reviewerId, string value, string? justification)
        {
            if (instance.Status != "InProgress")
            {
                throw EntitlementError($"The access review instance is {instance.Status}; decisions can be recorded only while it is in progress.");
            }

            if (!decision.Reviewers.Contains(reviewerId))
            {
                throw new GraphServiceError(403, "Forbidden", "The caller is not a reviewer of this decision.");
            }

            var policy = _entitlement.Policies.Find(p => p.Id == review.PolicyId);
            if (value == "Approve" && policy?.Review?.IsReviewerJustificationRequired == true && string.IsNullOrWhiteSpace(justification))
            {
                throw EntitlementError("The review requires the reviewer's justification for an approval.");
            }

            (decision.Decision, decision.Justification, decision.ReviewedBy, decision.ReviewedDateTime) = (value, justification, reviewerId, Now);
            return decision;
        }

        /// <summary>
        /// The instance's end: a denial removes the assignment; access nobody decided (or marked DontKnow) is kept, removed,
        /// or follows the recommendation, as the policy's expirationBehavior says.
        /// </summary>
        private void ApplyReviewResults(SimulatedAccessReview review, SimulatedReviewInstance instance, DateTimeOffset at)
        {
            var behaviour = _entitlement.Policies.Find(p => p.Id == review.PolicyId)?.Review?.ExpirationBehavior ?? "keepAccess";
            foreach (var decision in instance.Decisions)
            {
                var undecided = decision.Decision == "NotReviewed" || decision.Decision == "DontKnow";
                var remove = decision.Decision == "Deny"
                    || (undecided && (behaviour == "removeAccess" || (behaviour == "acceptAccessRecommendation" && decision.Recommendation == "Deny")));
                var assignment = _entitlement.Assignments.Find(a => a.Id == decision.AssignmentId && a.State != "expired");
                if (remove && assignment != null)
                {
                    AccessPackageDelivery.BeginRemoval(assignment, at);
                }

                decision.ApplyResult = assignment == null ? "AppliedSuccessfullyButObjectNotFound" : "AppliedSuccessfully";
                decision.AppliedDateTime = at;
            }

            instance.Status = "Completed";
        }
    }
}
