using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Removes a member a journaled change added, or adds back one it removed, after reading whether they are a member now.</summary>
    internal sealed class GroupMembershipReverser : IChangeReverser
    {
        public GroupMembershipReverser(string operation)
        {
            Operation = operation;
        }

        public string Operation { get; }

        public bool CanRead(JournalEntry change) => Guid.TryParse(change.TargetId, out _) && Member(change) != null;

        public string Subject(JournalEntry change) => "group/" + change.TargetId.ToLowerInvariant() + "/member/" + Member(change)!.Value.Id;

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            var (memberId, memberName) = Member(change)!.Value;
            var label = memberName ?? memberId.ToString();
            var groupId = Guid.Parse(change.TargetId);
            var group = await session.CallOrNotFoundAsync("read group " + change.TargetLabel, "ReadGroups",
                c => c.Groups[change.TargetId].GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName" }, cancellation), cancellation).ConfigureAwait(false);
            if (group == null)
            {
                return ReversalPlan.Conflict(TargetState.Neither, $"the group {change.TargetLabel} no longer exists.");
            }

            var groupName = group.DisplayName ?? change.TargetName;
            var added = Operation == ChangeIntents.GroupAddMember;
            var isMember = await IsMemberAsync(session, groupId, memberId, label, cancellation).ConfigureAwait(false);
            if (isMember == null)
            {
                // A member deleted since is in no group: an addition is as good as undone, a removal cannot be undone.
                var gone = $"the member {label} no longer exists.";
                return added ? ReversalPlan.NothingToDo(TargetState.Neither, gone) : ReversalPlan.Conflict(TargetState.Neither, gone);
            }

            if (isMember != added)
            {
                return ReversalPlan.NothingToDo(TargetState.Before, $"{label} is {(added ? "not a member of" : "a member of")} group {groupName} already.");
            }

            return added
                ? ReversalPlan.Reverse(TargetState.After, $"remove {label} from group {groupName}",
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
                    })
                : ReversalPlan.Reverse(TargetState.After, $"add {label} back to group {groupName}",
                    ChangeIntents.AddGroupMember(groupId, groupName, memberId, memberName),
                    async ct => !(await GroupMembershipWriter.SendAddAsync(session, groupId, groupName, memberId, memberName, ct).ConfigureAwait(false)).AlreadyDone);
        }

        /// <summary>The member named in the change's after-state (see <see cref="ChangeIntents.AddGroupMember"/>); null when it names none.</summary>
        private static (Guid Id, string? Name)? Member(JournalEntry change)
        {
            if (change.After is not { ValueKind: JsonValueKind.Object } after
                || !after.TryGetProperty("memberId", out var id) || id.ValueKind != JsonValueKind.String || !Guid.TryParse(id.GetString(), out var memberId))
            {
                return null;
            }

            var name = after.TryGetProperty("memberName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return (memberId, name);
        }

        /// <summary>Whether the user is a direct member of the group, from the groups they belong to; null when the user is gone.</summary>
        private static async Task<bool?> IsMemberAsync(GraphSession session, Guid groupId, Guid memberId, string label, CancellationToken cancellation)
        {
            var operation = "list the groups of " + label;
            var first = await session.CallOrNotFoundAsync(operation, "ReadGroups", c => c.Users[memberId.ToString()].MemberOf.GetAsync(r =>
            {
                r.QueryParameters.Select = new[] { "id" };
                r.QueryParameters.Top = 999;
            }, cancellation), cancellation).ConfigureAwait(false);
            if (first == null)
            {
                return null;
            }

            var found = false;
            await GraphPages.ForEachAsync<DirectoryObject, DirectoryObjectCollectionResponse>(session, operation, "ReadGroups", first, o =>
            {
                found = string.Equals(o.Id, groupId.ToString(), StringComparison.OrdinalIgnoreCase);
                return !found;
            }, cancellation).ConfigureAwait(false);
            return found;
        }
    }
}
