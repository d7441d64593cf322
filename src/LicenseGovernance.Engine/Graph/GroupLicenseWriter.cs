using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;
using GroupAssignLicenseBody = Microsoft.Graph.Groups.Item.AssignLicense.AssignLicensePostRequestBody;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// A group's licences (assignLicense on the group), journaled with the group's licences before the change and sent
    /// through <see cref="WriteRetryPolicy"/>. Undo-LicenseChange reverses it (<see cref="GroupLicenseReverser"/>).
    /// </summary>
    internal static class GroupLicenseWriter
    {
        public static Task<Group?> AssignAsync(GraphSession session, JournalScope journal, string groupId, string name, IEnumerable<AssignedLicense> before, List<AssignedLicense> add, List<Guid?> remove, CancellationToken cancellation) =>
            journal.RunAsync(Intent(groupId, name, before, add, remove), () => SendAsync(session, groupId, name, add, remove, cancellation), cancellation);

        /// <summary>The journal entry of a change sent with <see cref="SendAsync"/>, for a caller that wraps the send (a group not replicated yet, Undo).</summary>
        public static ChangeIntent Intent(string groupId, string name, IEnumerable<AssignedLicense> before, List<AssignedLicense> add, List<Guid?> remove) =>
            ChangeIntents.AssignGroupLicenses(groupId, name, before.Where(l => l.SkuId.HasValue).Select(DirectLicense.From), add.Select(DirectLicense.From),
                remove.Where(id => id.HasValue).Select(id => id!.Value));

        /// <summary>The bare assignLicense, for a caller that journaled <see cref="Intent"/> itself.</summary>
        public static Task<Group?> SendAsync(GraphSession session, string groupId, string name, List<AssignedLicense> add, List<Guid?> remove, CancellationToken cancellation) =>
            WriteRetryPolicy.CallAsync(session, "assign licences to group " + name, "AssignGroupLicense",
                (c, configure) => c.Groups[groupId].AssignLicense.PostAsync(new GroupAssignLicenseBody { AddLicenses = add, RemoveLicenses = remove }, configure, cancellation),
                cancellation);
    }
}
