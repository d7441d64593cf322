using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Puts a group's licences of the SKUs a journaled assignLicense touched back as they were (the SKUs it carried, with
    /// their disabled plans); members then get them back through group-based licensing.
    /// </summary>
    internal sealed class GroupLicenseReverser : IChangeReverser
    {
        public string Operation => ChangeIntents.GroupAssignLicense;

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            if (change.After is not { ValueKind: JsonValueKind.Object } after)
            {
                throw Errors.ChangeNotReversible(change.Id, change.Operation, change.TargetLabel, "the journal entry does not say which licences changed.").ToException();
            }

            var added = DirectLicense.ListFrom(after.TryGetProperty("addLicenses", out var add) ? add : (JsonElement?)null);
            var removed = after.TryGetProperty("removeLicenses", out var remove) && remove.ValueKind == JsonValueKind.Array
                ? remove.EnumerateArray().Select(id => Guid.Parse(id.GetString()!)).ToList()
                : new List<Guid>();
            var group = await session.CallOrNotFoundAsync("read the licences of group " + change.TargetLabel, "ReadGroups",
                c => c.Groups[change.TargetId].GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName", "assignedLicenses" }, cancellation), cancellation).ConfigureAwait(false);
            if (group == null)
            {
                return ReversalPlan.Conflict($"the group {change.TargetLabel} no longer exists.");
            }

            var current = DirectLicense.Of(group);
            var restore = new LicenseRestore(added.Select(l => l.SkuId).Concat(removed), DirectLicense.ListFrom(change.Before), added, current);
            if (restore.Differing.Count == 0)
            {
                return ReversalPlan.NothingToDo($"the group {change.TargetLabel} already carries the licences it had before the change.");
            }

            if (restore.Moved.Count > 0 && !force)
            {
                return ReversalPlan.Conflict($"the licences {string.Join(", ", restore.Moved.Select(restore.Name))} of group {change.TargetLabel} are no longer as the change left them.");
            }

            var name = group.DisplayName ?? change.TargetLabel;
            var assign = restore.Add.Select(l => l.ToAssigned()).ToList();
            var takeOff = restore.Remove.Select(id => (Guid?)id).ToList();
            return ReversalPlan.Reverse(Describe(restore, current, name), GroupLicenseWriter.Intent(change.TargetId, name, group.AssignedLicenses ?? new List<Microsoft.Graph.Models.AssignedLicense>(), assign, takeOff),
                async ct =>
                {
                    await GroupLicenseWriter.SendAsync(session, change.TargetId, name, assign, takeOff, ct).ConfigureAwait(false);
                    return true;
                });
        }

        private static string Describe(LicenseRestore restore, IReadOnlyList<DirectLicense> current, string group)
        {
            var parts = restore.Add.Select(l => current.Any(c => c.SkuId == l.SkuId) ? "give " + restore.Name(l.SkuId) + " its former plans back" : "put " + restore.Name(l.SkuId) + " back")
                .Concat(restore.Remove.Select(id => "take " + restore.Name(id) + " off"));
            return string.Join(" and ", parts) + " on group " + group;
        }
    }
}
