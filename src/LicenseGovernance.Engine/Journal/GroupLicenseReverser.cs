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

        public bool CanRead(JournalEntry change) =>
            Guid.TryParse(change.TargetId, out _) && DirectLicense.ReadList(change.Before) != null && Payload(change) != null;

        /// <summary>The group's licences: any later licence change of the group may have touched the same SKUs.</summary>
        public string Subject(JournalEntry change) => "group/" + change.TargetId.ToLowerInvariant() + "/licenses";

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            // Journal reading has accepted the entry (CanRead), so its payload is there.
            var (added, removed) = Payload(change)!.Value;
            var group = await session.CallOrNotFoundAsync("read the licences of group " + change.TargetLabel, "ReadGroups",
                c => c.Groups[change.TargetId].GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName", "assignedLicenses" }, cancellation), cancellation).ConfigureAwait(false);
            if (group == null)
            {
                return ReversalPlan.Conflict(TargetState.Neither, $"the group {change.TargetLabel} no longer exists.");
            }

            var current = DirectLicense.Of(group);
            var restore = new LicenseRestore(added.Select(l => l.SkuId).Concat(removed), DirectLicense.ListFrom(change.Before), added, current);
            if (restore.Differing.Count == 0)
            {
                return ReversalPlan.NothingToDo(restore.State, $"the group {change.TargetLabel} already carries the licences it had before the change.");
            }

            if (restore.Moved.Count > 0 && !force)
            {
                return ReversalPlan.Conflict(restore.State, $"the licences {string.Join(", ", restore.Moved.Select(restore.Name))} of group {change.TargetLabel} are no longer as the change left them.");
            }

            var name = group.DisplayName ?? change.TargetLabel;
            var assign = restore.Add.Select(l => l.ToAssigned()).ToList();
            var takeOff = restore.Remove.Select(id => (Guid?)id).ToList();
            return ReversalPlan.Reverse(restore.State, Describe(restore, current, name), GroupLicenseWriter.Intent(change.TargetId, name, group.AssignedLicenses ?? new List<Microsoft.Graph.Models.AssignedLicense>(), assign, takeOff),
                async ct =>
                {
                    await GroupLicenseWriter.SendAsync(session, change.TargetId, name, assign, takeOff, ct).ConfigureAwait(false);
                    return true;
                });
        }

        /// <summary>What the change added (with its disabled plans) and removed; null when the entry does not say.</summary>
        private static (IReadOnlyList<DirectLicense> Added, List<Guid> Removed)? Payload(JournalEntry change)
        {
            if (change.After is not { ValueKind: JsonValueKind.Object } after)
            {
                return null;
            }

            var added = DirectLicense.ReadList(after.TryGetProperty("addLicenses", out var add) ? add : (JsonElement?)null);
            var removed = new List<Guid>();
            if (after.TryGetProperty("removeLicenses", out var remove))
            {
                if (remove.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                foreach (var id in remove.EnumerateArray())
                {
                    if (id.ValueKind != JsonValueKind.String || !Guid.TryParse(id.GetString(), out var sku))
                    {
                        return null;
                    }

                    removed.Add(sku);
                }
            }

            return added == null ? null : (added, removed);
        }

        private static string Describe(LicenseRestore restore, IReadOnlyList<DirectLicense> current, string group)
        {
            var parts = restore.Add.Select(l => current.Any(c => c.SkuId == l.SkuId) ? "give " + restore.Name(l.SkuId) + " its former plans back" : "put " + restore.Name(l.SkuId) + " back")
                .Concat(restore.Remove.Select(id => "take " + restore.Name(id) + " off"));
            return string.Join(" and ", parts) + " on group " + group;
        }
    }
}
