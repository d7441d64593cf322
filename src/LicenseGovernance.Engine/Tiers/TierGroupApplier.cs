using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Carries out a <see cref="TierGroupPlan"/> exactly as planned, after checking the group has not moved on.</summary>
    internal static class TierGroupApplier
    {
        /// <returns>The group id, or null after a removal.</returns>
        public static async Task<string?> ApplyAsync(GraphSession session, TierGroupPlan plan, JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            switch (plan.Action)
            {
                case TierGroupAction.None:
                    return plan.GroupId?.ToString();
                case TierGroupAction.Create:
                    return await CreateAsync(session, plan, journal, sink).ConfigureAwait(false);
                case TierGroupAction.Update:
                case TierGroupAction.Remove:
                    var current = (await TierGroupDirectory.FindAsync(session, plan.GroupId!.Value.ToString(), cancellation).ConfigureAwait(false)).SingleOrDefault();
                    if (current == null || current.Fingerprint() != plan.Payload.Fingerprint)
                    {
                        throw Errors.TierGroupChanged(plan.DisplayName).ToException();
                    }

                    if (plan.Action == TierGroupAction.Remove)
                    {
                        await RemoveAsync(session, plan, current, journal, sink).ConfigureAwait(false);
                        return null;
                    }

                    await UpdateAsync(session, plan, current, journal, sink).ConfigureAwait(false);
                    return current.Group.Id;
                default:
                    throw new ArgumentException("Unknown tier plan action '" + plan.Action + "'.", nameof(plan));
            }
        }

        private static async Task<string> CreateAsync(GraphSession session, TierGroupPlan plan, JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var rule = plan.Payload.MembershipRule ?? "";
            var group = new Group
            {
                DisplayName = plan.DisplayName,
                MailEnabled = false,
                MailNickname = plan.Payload.MailNickname,
                SecurityEnabled = true,
                GroupTypes = rule.Length == 0 ? new List<string>() : new List<string> { "DynamicMembership" },
            };
            if (!string.IsNullOrEmpty(plan.Payload.Description))
            {
                group.Description = plan.Payload.Description;
            }

            if (rule.Length > 0)
            {
                group.MembershipRule = rule;
                group.MembershipRuleProcessingState = "On";
            }

            var created = await journal.RunAsync(ChangeIntents.Other("Group.Create", "group", plan.DisplayName, plan.DisplayName, null,
                    new { group.DisplayName, group.MailNickname, group.GroupTypes, group.MembershipRule, group.Description }),
                () => session.CallAsync("create group " + plan.DisplayName, "ManageGroups",
                    c => c.Groups.PostAsync(group, cancellationToken: cancellation), cancellation), cancellation).ConfigureAwait(false)
                ?? throw Errors.GraphRequestFailed("create group " + plan.DisplayName, 0, null, "Graph returned no group.").ToException();
            var id = created.Id!;
            sink.WriteVerbose($"Created group '{plan.DisplayName}' ({id}).");

            // A group that has just been created may not have replicated yet; Graph answers 404 or "does not exist" meanwhile.
            await journal.RunAsync(RecordIntent(plan, id, created: true),
                () => WhileReplicatingAsync(session, () => session.CallAsync("record the tier on group " + plan.DisplayName, "ManageGroups",
                    c => c.Groups[id].Extensions.PostAsync(Record(plan).ToExtension(), cancellationToken: cancellation), cancellation), cancellation), cancellation).ConfigureAwait(false);
            var licences = Assigned(plan.Payload.AddLicenses);
            await journal.RunAsync(GroupLicenseWriter.Intent(id, plan.DisplayName, new List<AssignedLicense>(), licences, new List<Guid?>()),
                () => WhileReplicatingAsync(session, () => GroupLicenseWriter.SendAsync(session, id, plan.DisplayName, licences, new List<Guid?>(), cancellation), cancellation), cancellation).ConfigureAwait(false);
            return id;
        }

        private static async Task UpdateAsync(GraphSession session, TierGroupPlan plan, TierGroupState current, JournalScope journal, IGovernanceSink sink)
        {
            // Licences first: if they cannot be applied safely, the tier is left exactly as it was.
            await ApplyLicensesAsync(session, plan, current, journal, sink).ConfigureAwait(false);
            await ApplyGroupAsync(session, plan, current, journal, sink.Cancellation).ConfigureAwait(false);
            await ApplyRecordAsync(session, plan, current.Group.Id!, journal, sink.Cancellation).ConfigureAwait(false);
        }

        private static async Task ApplyLicensesAsync(GraphSession session, TierGroupPlan plan, TierGroupState current, JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var id = current.Group.Id!;
            var add = Assigned(plan.Payload.AddLicenses);
            var remove = SkuIds(plan.Payload.RemoveLicenses);
            if (add.Count == 0)
            {
                if (remove.Count > 0)
                {
                    await AssignJournaledAsync(session, journal, current, plan.DisplayName, new List<AssignedLicense>(), remove, cancellation).ConfigureAwait(false);
                }

                return;
            }

            // One licence that fails puts every licence of the group in error for that member, so a new or changed licence
            // must be seen working, exactly as planned, for everyone who was fine before; otherwise the group goes back.
            var healthy = await HealthyMembersAsync(session, id, cancellation).ConfigureAwait(false);
            try
            {
                await AssignJournaledAsync(session, journal, current, plan.DisplayName, add, new List<Guid?>(), cancellation).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (IsMutuallyExclusive(ex))
            {
                // Swapping them in one call would take the old licence away before the new one is seen working.
                throw Errors.TierLicensesExclusive(plan.DisplayName, ex.Error.Message).ToException();
            }

            var expected = current.Licenses.ToDictionary(l => l.SkuId!.Value, l => LicenseStates.Plans(l.DisabledPlans));
            foreach (var license in add)
            {
                expected[license.SkuId!.Value] = LicenseStates.Plans(license.DisabledPlans);
            }

            var notActive = await WaitForActiveAsync(session, id, healthy, expected, sink).ConfigureAwait(false);
            if (notActive > 0)
            {
                await RollBackAsync(session, journal, plan.DisplayName, current, add, cancellation).ConfigureAwait(false);
                throw Errors.TierReplacementNotActive(plan.DisplayName, string.Join(", ", current.Licenses.Select(l => l.SkuId)), notActive).ToException();
            }

            if (remove.Count > 0)
            {
                await AssignJournaledAsync(session, journal, current, plan.DisplayName, new List<AssignedLicense>(), remove, cancellation).ConfigureAwait(false);
            }
        }

        private static async Task ApplyGroupAsync(GraphSession session, TierGroupPlan plan, TierGroupState current, JournalScope journal, CancellationToken cancellation)
        {
            var description = plan.Payload.Description;
            var rule = plan.Payload.MembershipRule;
            var patch = new Group();
            var patching = false;
            if (description != null)
            {
                patch.Description = description.Length == 0 ? null : description;
                patching = true;
            }

            if (rule != null)
            {
                var types = (current.Group.GroupTypes ?? new List<string>()).Where(t => !string.Equals(t, "DynamicMembership", StringComparison.OrdinalIgnoreCase)).ToList();
                if (rule.Length > 0)
                {
                    types.Add("DynamicMembership");
                    patch.MembershipRule = rule;
                    patch.MembershipRuleProcessingState = "On";
                }

                if (types.Count != (current.Group.GroupTypes?.Count ?? 0))
                {
                    patch.GroupTypes = types;
                }

                patching = true;
            }

            if (!patching)
            {
                return;
            }

            var id = current.Group.Id!;
            var before = new { current.Group.Description, current.Group.GroupTypes, current.Group.MembershipRule };
            // The group as the patch leaves it, so the journal never shows as cleared what was left alone.
            var after = new
            {
                Description = description == null ? current.Group.Description : patch.Description,
                GroupTypes = patch.GroupTypes ?? current.Group.GroupTypes,
                MembershipRule = rule == null ? current.Group.MembershipRule : patch.MembershipRule,
            };
            await journal.RunAsync(ChangeIntents.Other("Group.Update", "group", id, plan.DisplayName, before, after), () => session.CallAsync("update group " + plan.DisplayName, "ManageGroups",
                async c =>
                {
                    await c.Groups[id].PatchAsync(patch, cancellationToken: cancellation).ConfigureAwait(false);
                    return true;
                }, cancellation), cancellation).ConfigureAwait(false);
        }

        private static async Task ApplyRecordAsync(GraphSession session, TierGroupPlan plan, string id, JournalScope journal, CancellationToken cancellation)
        {
            if (plan.Payload.Record == TierRecordChange.None)
            {
                return;
            }

            var extension = Record(plan).ToExtension();
            if (plan.Payload.Record == TierRecordChange.Create)
            {
                await journal.RunAsync(RecordIntent(plan, id, created: true), () => session.CallAsync("record the tier on group " + plan.DisplayName, "ManageGroups",
                    c => c.Groups[id].Extensions.PostAsync(extension, cancellationToken: cancellation), cancellation), cancellation).ConfigureAwait(false);
                return;
            }

            await journal.RunAsync(RecordIntent(plan, id, created: false), () => session.CallAsync("update the tier record of group " + plan.DisplayName, "ManageGroups",
                async c =>
                {
                    await c.Groups[id].Extensions[TierRecord.ExtensionName].PatchAsync(extension, cancellationToken: cancellation).ConfigureAwait(false);
                    return true;
                }, cancellation), cancellation).ConfigureAwait(false);
        }

        private static bool IsMutuallyExclusive(LicenseGovernanceException ex) =>
            ex.Error.Inner is ApiException api && api.ResponseStatusCode == 400 && ex.Message.IndexOf("mutually exclusive", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Restores the licences the group had before <paramref name="added"/>: new SKUs come off, changed ones get their old plans back.</summary>
        private static Task RollBackAsync(GraphSession session, JournalScope journal, string name, TierGroupState before, List<AssignedLicense> added, CancellationToken cancellation)
        {
            var restore = before.Licenses.Where(l => added.Any(a => a.SkuId == l.SkuId)).ToList();
            var drop = added.Where(a => !before.Licenses.Any(l => l.SkuId == a.SkuId)).Select(a => a.SkuId).ToList();
            return AssignJournaledAsync(session, journal, before, name, restore, drop, cancellation);
        }

        /// <summary>Members whose every licence from this group is active now: the ones a change must not break.</summary>
        private static async Task<HashSet<string>> HealthyMembersAsync(GraphSession session, string groupId, CancellationToken cancellation)
        {
            var members = await TierGroupDirectory.UserMembersAsync(session, groupId, new[] { "id", "licenseAssignmentStates" }, cancellation).ConfigureAwait(false);
            return new HashSet<string>(members.Where(u => LicenseStates.Of(u).Where(s => LicenseStates.FromGroup(s, groupId)).All(LicenseStates.IsActive))
                .Select(u => u.Id!), StringComparer.OrdinalIgnoreCase);
        }

        private static async Task RemoveAsync(GraphSession session, TierGroupPlan plan, TierGroupState current, JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var id = current.Group.Id!;
            var remove = SkuIds(plan.Payload.RemoveLicenses);
            if (remove.Count > 0)
            {
                // Entra refuses to delete a group that still carries licences.
                await AssignJournaledAsync(session, journal, current, plan.DisplayName, new List<AssignedLicense>(), remove, cancellation).ConfigureAwait(false);
            }

            await journal.RunAsync(ChangeIntents.Other("Group.Delete", "group", id, plan.DisplayName,
                    new { current.Group.DisplayName, current.Group.MailNickname, current.Group.GroupTypes, current.Group.MembershipRule, Record = current.Record?.ToString() }, null),
                () => session.CallAsync("delete group " + plan.DisplayName, "ManageGroups",
                    async c =>
                    {
                        await c.Groups[id].DeleteAsync(cancellationToken: cancellation).ConfigureAwait(false);
                        return true;
                    }, cancellation), cancellation).ConfigureAwait(false);
            sink.WriteVerbose($"Deleted tier group '{plan.DisplayName}' ({id}).");
        }

        private static Task<Group?> AssignJournaledAsync(GraphSession session, JournalScope journal, TierGroupState current, string name, List<AssignedLicense> add, List<Guid?> remove, CancellationToken cancellation) =>
            GroupLicenseWriter.AssignAsync(session, journal, current.Group.Id!, name, current.Licenses, add, remove, cancellation);

        private static ChangeIntent RecordIntent(TierGroupPlan plan, string groupId, bool created) =>
            ChangeIntents.Other(created ? "Group.AddExtension" : "Group.UpdateExtension", "group", groupId, plan.DisplayName, null,
                new { Extension = TierRecord.ExtensionName, Record(plan).Tier, Record(plan).Baseline });

        /// <summary>
        /// Waits (for the watcher's default timeout) until every one of <paramref name="watched"/> holds each SKU from the
        /// group actively with exactly the planned disabled plans (an old state with the old plans does not count), or Entra
        /// has finished processing the group. Returns how many of them do not.
        /// </summary>
        private static async Task<int> WaitForActiveAsync(GraphSession session, string groupId, HashSet<string> watched, IReadOnlyDictionary<Guid, HashSet<Guid>> expected, IGovernanceSink sink)
        {
            var licenses = expected.Select(e => new ExpectedLicense(e.Key, e.Value)).ToList();
            var watch = new LicenseWatch(watched.Select(u => new LicenseExpectation(u, groupId, licenses)).ToList(),
                ProgressActivity.TierProcessing, "Waiting for Entra to apply the tier's licences");
            var report = await GroupLicensingWatcher.WatchAsync(session, watch, sink).ConfigureAwait(false);
            return report.Results.Count - report.Count(LicenseWatchOutcome.Active);
        }

        private static async Task WhileReplicatingAsync<T>(GraphSession session, Func<Task<T>> call, CancellationToken cancellation)
        {
            var delay = TimeSpan.FromSeconds(2);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await call().ConfigureAwait(false);
                    return;
                }
                catch (LicenseGovernanceException ex) when (attempt < 6 && IsReplicationLag(ex))
                {
                    await session.WaitAsync(delay, cancellation).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(delay.Ticks * 2);
                }
            }
        }

        private static bool IsReplicationLag(LicenseGovernanceException ex) =>
            ex.Error.Inner is ApiException api && (api.ResponseStatusCode == 404 || (api.ResponseStatusCode == 400 && (ex.Message.IndexOf("do not exist", StringComparison.OrdinalIgnoreCase) >= 0 || ex.Message.IndexOf("does not exist", StringComparison.OrdinalIgnoreCase) >= 0)));

        private static TierRecord Record(TierGroupPlan plan) => new TierRecord(plan.Payload.Tier, plan.Payload.Baseline);

        private static List<AssignedLicense> Assigned(IEnumerable<PlannedLicense> licenses) =>
            licenses.Select(l => new AssignedLicense { SkuId = l.SkuId, DisabledPlans = l.DisabledPlans.Select(p => (Guid?)p).ToList() }).ToList();

        private static List<Guid?> SkuIds(IEnumerable<Guid> skuIds) => skuIds.Select(id => (Guid?)id).ToList();
    }
}
