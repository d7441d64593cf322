using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Removes an access-package assignment a journaled change added, or requests again one it removed.</summary>
    internal sealed class AccessPackageAssignmentReverser : IChangeReverser
    {
        public AccessPackageAssignmentReverser(string operation)
        {
            Operation = operation;
        }

        public string Operation { get; }

        public bool CanRead(JournalEntry change) => AccessPackageAssignmentChange.From(change.After) != null;

        public string Subject(JournalEntry change)
        {
            var payload = AccessPackageAssignmentChange.From(change.After)!;
            return "accessPackage/" + payload.AccessPackageId + "/user/" + payload.TargetUserId;
        }

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            var payload = AccessPackageAssignmentChange.From(change.After)!;
            var label = (payload.TargetUserPrincipalName ?? payload.TargetUserId.ToString()) + " -> " + (payload.AccessPackageName ?? payload.AccessPackageId.ToString());
            var live = (await AccessPackageDirectory.AssignmentsAsync(session, payload.AccessPackageId.ToString(), payload.TargetUserId.ToString(), cancellation).ConfigureAwait(false)).FirstOrDefault();
            if (Operation == AccessPackageChangeIntents.AddAssignment)
            {
                if (live == null)
                {
                    return ReversalPlan.NothingToDo(TargetState.Before, $"{label} is no longer assigned.");
                }

                var removal = new AccessPackageAssignmentChange
                {
                    AccessPackageId = payload.AccessPackageId, AccessPackageName = payload.AccessPackageName, AssignmentPolicyId = payload.AssignmentPolicyId,
                    TargetUserId = payload.TargetUserId, TargetUserPrincipalName = payload.TargetUserPrincipalName, AssignmentId = Guid.Parse(live.Id!),
                    EndDateTime = live.Schedule?.Expiration?.EndDateTime, Justification = "Undo of journal entry " + change.Id,
                };
                return ReversalPlan.Reverse(TargetState.After, "remove the assignment " + label, AccessPackageChangeIntents.Remove(removal), async ct =>
                {
                    await AccessPackageAssignmentWriter.SendRemoveAsync(session, removal.AssignmentId!.Value, removal.Justification, ct).ConfigureAwait(false);
                    return true;
                });
            }

            if (live != null)
            {
                // An assignment being removed still reads delivered until the removal is done; only its request tells.
                var removing = await AccessPackageDirectory.RemovalsUnderWayAsync(session, payload.AccessPackageId.ToString(), cancellation).ConfigureAwait(false);
                return removing.Contains(live.Id!)
                    ? ReversalPlan.Conflict(TargetState.After, $"the removal of {label} is still under way; undo it once it has ended.")
                    : ReversalPlan.NothingToDo(TargetState.Before, $"{label} is assigned again already.");
            }

            if (payload.EndDateTime != null && payload.EndDateTime <= session.Now && !force)
            {
                return ReversalPlan.Conflict(TargetState.After, $"the assignment {label} would have ended on {payload.EndDateTime:yyyy-MM-dd}; add it anew with Add-TierAssignment instead.");
            }

            var addBack = new AccessPackageAssignmentChange
            {
                AccessPackageId = payload.AccessPackageId, AccessPackageName = payload.AccessPackageName, AssignmentPolicyId = payload.AssignmentPolicyId,
                TargetUserId = payload.TargetUserId, TargetUserPrincipalName = payload.TargetUserPrincipalName,
                EndDateTime = payload.EndDateTime != null && payload.EndDateTime > session.Now ? payload.EndDateTime : null,
                Justification = "Undo of journal entry " + change.Id,
            };
            return ReversalPlan.Reverse(TargetState.After, "assign " + label + " again", AccessPackageChangeIntents.Add(addBack), async ct =>
            {
                await AccessPackageAssignmentWriter.SendAddAsync(session, addBack, ct).ConfigureAwait(false);
                return true;
            });
        }
    }
}
