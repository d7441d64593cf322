using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// Group membership writes: add through members/$ref, or up to 20 at once with members@odata.bind; remove through
    /// members/{id}/$ref, one at a time or 20 to a $batch. Each is journaled first (Group.AddMember, Group.RemoveMember) and goes out through
    /// <see cref="WriteRetryPolicy"/>. Graph refuses a membership that is already as asked with a 400 (graph-contract 3.5
    /// to 3.7); that comes back as <see cref="WriteOutcome.AlreadyDone"/>, not as a failure. The Send methods are the
    /// bare calls, for Undo, which journals its reversal itself.
    /// </summary>
    internal static class GroupMembershipWriter
    {
        /// <summary>Graph takes at most 20 members per PATCH.</summary>
        public const int MaxMembersPerRequest = 20;

        /// <summary>The capability its writes need, for wording a refused $batch item (<see cref="WriteRetryPolicy.Error"/>).</summary>
        public const string Capability = "ManageGroupMembers";
        private const string AlreadyMember = "already exist";
        private const string NotMember = "do not exist";

        /// <summary>
        /// Adds up to 20 members with one PATCH, one write, each journaled first. The PATCH is all or none: when Graph refuses
        /// it because one of them is a member already, each is added on its own. One outcome per member, in order.
        /// </summary>
        public static async Task<IReadOnlyList<WriteOutcome>> AddMembersAsync(GraphSession session, JournalScope journal, Guid groupId, string? groupName, IReadOnlyList<(Guid Id, string? Name)> members, CancellationToken cancellation)
        {
            var entries = await journal.RecordAsync(members.Select(m => ChangeIntents.AddGroupMember(groupId, groupName, m.Id, m.Name)).ToList(), cancellation).ConfigureAwait(false);
            var together = await WriteRetryPolicy.TryAsync(session, "add members to group " + groupId, Capability, AlreadyMember, (c, configure) =>
                c.Groups[groupId.ToString()].PatchAsync(new Group
                {
                    OdataType = null,
                    AdditionalData = new Dictionary<string, object> { ["members@odata.bind"] = members.Select(m => DirectoryObject(c, m.Id)).ToList() },
                }, configure, cancellation), cancellation).ConfigureAwait(false);
            var outcomes = new List<WriteOutcome>();
            foreach (var member in members)
            {
                outcomes.Add(together.AlreadyDone
                    ? await WriteRetryPolicy.TryAsync(session, "add a member to group " + groupId, Capability, AlreadyMember, PostReference(groupId, member.Id, cancellation), cancellation).ConfigureAwait(false)
                    : together);
            }

            await journal.CompleteAsync(entries.Select((e, i) => (e, outcomes[i].Succeeded || outcomes[i].AlreadyDone ? null : outcomes[i].Describe())).ToList(), CancellationToken.None).ConfigureAwait(false);
            return outcomes;
        }

        /// <summary>Removes one member, journaled first. A failure other than "not a member" is thrown as the catalogue's error.</summary>
        public static Task<WriteOutcome> RemoveMemberAsync(GraphSession session, JournalScope journal, Guid groupId, string? groupName, Guid memberId, string? memberName, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.RemoveGroupMember(groupId, groupName, memberId, memberName),
                () => SendRemoveAsync(session, groupId, groupName, memberId, memberName, cancellation), cancellation);

        /// <summary>
        /// Removes up to 20 memberships in one $batch, a members/{id}/$ref DELETE and one write each, each journaled first.
        /// One outcome per membership, in order; one already gone is <see cref="WriteOutcome.AlreadyDone"/>.
        /// </summary>
        /// <param name="writesAfter">How many writes the caller still has to send after these (see <see cref="WritePacer"/>).</param>
        public static Task<IReadOnlyList<WriteOutcome>> RemoveMembersAsync(GraphSession session, JournalScope journal,
            IReadOnlyList<(Guid GroupId, string? GroupName, Guid MemberId, string? MemberName)> memberships, long writesAfter, CancellationToken cancellation) =>
            JournaledBatch.SendAsync(session, journal, "remove group members", Capability,
                memberships.Select(m => (ChangeIntents.RemoveGroupMember(m.GroupId, m.GroupName, m.MemberId, m.MemberName), new GraphBatch.Request("DELETE", $"/groups/{m.GroupId}/members/{m.MemberId}/$ref", null))).ToList(),
                NotMember, "The user was no longer a member.", writesAfter, cancellation);

        /// <summary>The bare $ref POST; a failure other than "already a member" is thrown as the catalogue's error.</summary>
        public static Task<WriteOutcome> SendAddAsync(GraphSession session, Guid groupId, string? groupName, Guid memberId, string? memberName, CancellationToken cancellation) =>
            WriteRetryPolicy.CallAsync(session, $"add {memberName ?? memberId.ToString()} to group {groupName ?? groupId.ToString()}", Capability, AlreadyMember,
                PostReference(groupId, memberId, cancellation), cancellation);

        /// <summary>The bare $ref DELETE; a failure other than "not a member" is thrown as the catalogue's error.</summary>
        public static Task<WriteOutcome> SendRemoveAsync(GraphSession session, Guid groupId, string? groupName, Guid memberId, string? memberName, CancellationToken cancellation) =>
            WriteRetryPolicy.CallAsync(session, $"remove {memberName ?? memberId.ToString()} from group {groupName ?? groupId.ToString()}", Capability, NotMember,
                (c, configure) => c.Groups[groupId.ToString()].Members[memberId.ToString()].Ref.DeleteAsync(configure, cancellation), cancellation);

        private static Func<GraphServiceClient, Action<RequestConfiguration<DefaultQueryParameters>>, System.Threading.Tasks.Task> PostReference(Guid groupId, Guid memberId, CancellationToken cancellation) =>
            (c, configure) => c.Groups[groupId.ToString()].Members.Ref.PostAsync(new ReferenceCreate { OdataId = DirectoryObject(c, memberId) }, configure, cancellation);

        private static string DirectoryObject(GraphServiceClient client, Guid id) => client.RequestAdapter.BaseUrl!.TrimEnd('/') + "/directoryObjects/" + id;
    }
}
