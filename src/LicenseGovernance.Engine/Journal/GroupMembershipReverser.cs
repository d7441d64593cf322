using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Removes a member a journaled change added, or adds back one it removed.</summary>
    internal sealed class GroupMembershipReverser : IChangeReverser
    {
        public GroupMembershipReverser(string operation)
        {
            Operation = operation;
        }

        public string Operation { get; }

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            var after = change.After ?? throw Errors.ChangeNotReversible(change.Id, change.Operation, change.TargetLabel, "the journal entry does not say which member changed.").ToException();
            var memberId = Guid.Parse(after.GetProperty("memberId").GetString()!);
            var memberName = after.TryGetProperty("memberName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var label = memberName ?? memberId.ToString();
            var groupId = Guid.Parse(change.TargetId);
            var group = await session.CallOrNotFoundAsync("read group " + change.TargetLabel, "ReadGroups",
                c => c.Groups[change.TargetId].GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName" }, cancellation), cancellation).ConfigureAwait(false);
            if (group == null)
            {
                return ReversalPlan.Conflict($"the group {change.TargetLabel} no longer exists.");
            }

            var groupName = group.DisplayName ?? change.TargetName;
            if (Operation == ChangeIntents.GroupAddMember)
            {
                return ReversalPlan.Reverse($"remove {label} from group {groupName}",
                    ChangeIntents.RemoveGroupMember(groupId, groupName, memberId, memberName),
                    async ct =>
                    {
                        try
                        {
                            return !(await GroupMembershipWriter.SendRemoveAsync(session, groupId, groupName, memberId, memberName, ct).ConfigureAwait(false)).AlreadyDone;
                        }
                        catch (LicenseGovernanceException ex) when (ex.Error.Category == GovernanceErrorCategory.ObjectNotFound)
                        {
                            // Some tenants answer the removal of a non-member with 404 (graph-contract 3.7); the group was read just above.
                            return false;
                        }
                    });
            }

            return ReversalPlan.Reverse($"add {label} back to group {groupName}",
                ChangeIntents.AddGroupMember(groupId, groupName, memberId, memberName),
                async ct => !(await GroupMembershipWriter.SendAddAsync(session, groupId, groupName, memberId, memberName, ct).ConfigureAwait(false)).AlreadyDone);
        }
    }
}
