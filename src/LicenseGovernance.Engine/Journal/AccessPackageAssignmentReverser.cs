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

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            var payload = AccessPackageAssignmentChange.From(change.After)
                ?? throw Errors.ChangeNotReversible(change.Id, change.Operation, change.TargetLabel, "the journal entry does not say which assignment changed.").ToException();
            var label = (payload.TargetUserPrincipalName ?? payload.TargetUserId.ToString()) + " -> " + (payload.AccessPackageName ?? payload.AccessPackageId.ToString());
            var live = (await AccessPackageDirectory.AssignmentsAsync(session, payload.AccessPackageId.ToString(), payload.TargetUserId.ToString(), cancellation).ConfigureAwait(false)).FirstOrDefault();
            if (Operation == AccessPackageChangeIntents.AddAssignment)
            {
                if (live == null)
                {
                    return ReversalPlan.NothingToDo($"{label} is no longer assigned.");
                }

                var removal = new AccessPackageAssignmentChange
                {
                    AccessPackageId = payload.AccessPackageId, AccessPackageName = payload.AccessPackageName, AssignmentPolicyId = payload.AssignmentPolicyId,
                    TargetUserId = payload.TargetUserId, TargetUserPrincipalName = payload.TargetUserPrincipalName, AssignmentId = Guid.Parse(live.Id!),
                    EndDateTime = live.Schedule?.Expiration?.EndDateTime, Justification = "Undo of journal entry " + change.Id,
                };
                return ReversalPlan.Reverse("remove the assignment " + label, AccessPackageChangeIntents.Remove(removal), async ct =>
                {
                    await AccessPackageAssignmentWriter.SendRemoveAsync(session, removal.AssignmentId!.Value, removal.Justification, ct).ConfigureAwait(false);
                    return true;
                });
            }

            if (live != null)
            {
                return ReversalPlan.NothingToDo($"{label} is assigned again already.");
            }

            if (payload.EndDateTime != null && payload.EndDateTime <= session.Now && !force)
            {
                return ReversalPlan.Conflict($"the assignment {label} would have ended on {payload.EndDateTime:yyyy-MM-dd}; add it anew with Add-TierAssignment instead.");
            }

            var addBack = new AccessPackageAssignmentChange
            {
                AccessPackageId = payload.AccessPackageId, AccessPackageName = payload.AccessPackageName, AssignmentPolicyId = payload.AssignmentPolicyId,
                TargetUserId = payload.TargetUserId, TargetUserPrincipalName = payload.TargetUserPrincipalName,
                EndDateTime = payload.EndDateTime != null && payload.EndDateTime > session.Now ? payload.EndDateTime : null,
                Justification = "Undo of journal entry " + change.Id,
            };
            return ReversalPlan.Reverse("assign " + label + " again", AccessPackageChangeIntents.Add(addBack), async ct =>
            {
                await AccessPackageAssignmentWriter.SendAddAsync(session, addBack, ct).ConfigureAwait(false);
                return true;
            });
        }
    }
}
