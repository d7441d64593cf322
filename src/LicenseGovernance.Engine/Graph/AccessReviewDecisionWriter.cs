using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// The one writer of access review decisions: a reviewer's decision on one user's access, journaled before it is sent.
    /// A decision can be changed while the review is open, but not taken back once applied, so Undo does not reverse it.
    /// </summary>
    internal static class AccessReviewDecisionWriter
    {
        public const string Capability = "DecideAccessReviews";
        public const string Operation = "AccessReview.Decide";

        public static Task DecideAsync(GraphSession session, JournalScope journal, Guid definitionId, Guid instanceId, Guid decisionId, string? target, string decision, string? justification, CancellationToken cancellation) =>
            journal.RunAsync(Intent(definitionId, instanceId, decisionId, target, decision, justification), () =>
                WriteRetryPolicy.CallAsync(session, decision + " access of " + (target ?? decisionId.ToString()) + " in review " + instanceId, Capability,
                    (c, configure) => c.IdentityGovernance.AccessReviews.Definitions[definitionId.ToString()].Instances[instanceId.ToString()].Decisions[decisionId.ToString()]
                        .PatchAsync(Body(decision, justification), configure, cancellation), cancellation),
                cancellation);

        public static AccessReviewInstanceDecisionItem Body(string decision, string? justification) => new AccessReviewInstanceDecisionItem { Decision = decision, Justification = justification };

        private static ChangeIntent Intent(Guid definitionId, Guid instanceId, Guid decisionId, string? target, string decision, string? justification) =>
            new ChangeIntent(Operation, "accessReviewInstanceDecisionItem", decisionId.ToString(), target, null, new JsonObject
            {
                ["definitionId"] = definitionId.ToString(),
                ["instanceId"] = instanceId.ToString(),
                ["decision"] = decision,
                ["justification"] = justification,
            });
    }
}
