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
    /// through <see cref="WriteRetryPolicy"/>. Not reversible by Undo: a tier change has its own safe order.
    /// </summary>
    internal static class GroupLicenseWriter
    {
        public const string AssignOperation = "Group.AssignLicense";

        public static Task<Group?> AssignAsync(GraphSession session, JournalScope journal, string groupId, string name, IEnumerable<AssignedLicense> before, List<AssignedLicense> add, List<Guid?> remove, CancellationToken cancellation) =>
            journal.RunAsync(Intent(groupId, name, before, add, remove), () => SendAsync(session, groupId, name, add, remove, cancellation), cancellation);

        /// <summary>The journal entry of a change sent with <see cref="SendAsync"/>, for a caller that wraps the send (a group not replicated yet).</summary>
        public static ChangeIntent Intent(string groupId, string name, IEnumerable<AssignedLicense> before, List<AssignedLicense> add, List<Guid?> remove) =>
            ChangeIntents.Other(AssignOperation, "group", groupId, name,
                before.Select(l => new { l.SkuId, DisabledPlans = l.DisabledPlans ?? new List<Guid?>() }).ToList(),
                new
                {
                    AddLicenses = add.Select(l => new { l.SkuId, DisabledPlans = l.DisabledPlans ?? new List<Guid?>() }).ToList(),
                    RemoveLicenses = remove,
                });

        /// <summary>The bare assignLicense, for a caller that journaled <see cref="Intent"/> itself.</summary>
        public static Task<Group?> SendAsync(GraphSession session, string groupId, string name, List<AssignedLicense> add, List<Guid?> remove, CancellationToken cancellation) =>
            WriteRetryPolicy.CallAsync(session, "assign licences to group " + name, "AssignGroupLicense",
                (c, configure) => c.Groups[groupId].AssignLicense.PostAsync(new GroupAssignLicenseBody { AddLicenses = add, RemoveLicenses = remove }, configure, cancellation),
                cancellation);
    }
}
