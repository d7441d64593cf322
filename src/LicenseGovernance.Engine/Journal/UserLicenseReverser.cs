using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Puts a user's direct licences of the affected SKUs back as they were before a journaled assignLicense.</summary>
    internal sealed class UserLicenseReverser : IChangeReverser
    {
        public string Operation => ChangeIntents.UserAssignLicense;

        public bool CanRead(JournalEntry change) =>
            Guid.TryParse(change.TargetId, out _) && DirectLicense.ReadList(change.Before) != null && DirectLicense.ReadList(change.After) != null;

        /// <summary>Conservatively the user: any later direct licence change of theirs may have touched the same SKUs.</summary>
        public string Subject(JournalEntry change) => "user/" + change.TargetId.ToLowerInvariant();

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            var before = DirectLicense.ListFrom(change.Before);
            var after = DirectLicense.ListFrom(change.After);
            var skus = new HashSet<Guid>(before.Concat(after).Select(l => l.SkuId));
            var user = await session.CallOrNotFoundAsync("read the licences of " + change.TargetLabel, "ReadUsers",
                c => c.Users[change.TargetId].GetAsync(r => r.QueryParameters.Select = new[] { "id", "userPrincipalName", "licenseAssignmentStates" }, cancellation),
                cancellation).ConfigureAwait(false);
            if (user == null)
            {
                return ReversalPlan.Conflict(TargetState.Neither, $"the user {change.TargetLabel} no longer exists.");
            }

            var current = DirectLicense.Of(user, skus);
            DirectLicense? In(IReadOnlyList<DirectLicense> list, Guid sku) => list.FirstOrDefault(l => l.SkuId == sku);
            bool Same(DirectLicense? a, DirectLicense? b) => a == null ? b == null : a.SameAs(b);
            bool Shows(IReadOnlyList<DirectLicense> state) => skus.All(sku => Same(In(current, sku), In(state, sku)));

            // A change that left things as they were shows both states; it counts as made.
            var state = Shows(after) ? TargetState.After : Shows(before) ? TargetState.Before : TargetState.Neither;
            var differing = skus.Where(sku => !Same(In(current, sku), In(before, sku))).ToList();
            if (differing.Count == 0)
            {
                return ReversalPlan.NothingToDo(state, $"{change.TargetLabel} already holds the direct licences it had before the change.");
            }

            var moved = differing.Where(sku => !Same(In(current, sku), In(after, sku))).ToList();
            if (moved.Count > 0 && !force)
            {
                return ReversalPlan.Conflict(state, $"{change.TargetLabel}'s direct licences of {string.Join(", ", moved.Select(s => Name(before, after, s)))} are no longer as the change left them.");
            }

            var add = differing.Select(sku => In(before, sku)).Where(l => l != null).Select(l => l!).ToList();
            var remove = differing.Where(sku => In(before, sku) == null && In(current, sku) != null).ToList();
            var named = current.Select(l => new DirectLicense(l.SkuId, In(before, l.SkuId)?.SkuPartNumber ?? In(after, l.SkuId)?.SkuPartNumber, l.DisabledPlans)).ToList();
            var intent = ChangeIntents.AssignUserLicenses(Guid.Parse(change.TargetId), user.UserPrincipalName ?? change.TargetName, named, before.Where(l => differing.Contains(l.SkuId)).ToList());
            var detail = Describe(add.Select(a => Name(before, after, a.SkuId)), remove.Select(r => Name(before, after, r)), change.TargetLabel);
            return ReversalPlan.Reverse(state, detail, intent, async ct =>
            {
                await UserLicenseWriter.SendAsync(session, "assign licences to " + change.TargetLabel, Guid.Parse(change.TargetId), add, remove, ct).ConfigureAwait(false);
                return true;
            });
        }

        private static string Name(IReadOnlyList<DirectLicense> before, IReadOnlyList<DirectLicense> after, Guid sku) =>
            before.Concat(after).FirstOrDefault(l => l.SkuId == sku && l.SkuPartNumber != null)?.SkuPartNumber ?? sku.ToString();

        private static string Describe(IEnumerable<string> add, IEnumerable<string> remove, string user)
        {
            var parts = new List<string>();
            var added = add.ToList();
            var removed = remove.ToList();
            if (added.Count > 0)
            {
                parts.Add("assign " + string.Join(", ", added) + " directly");
            }

            if (removed.Count > 0)
            {
                parts.Add("remove the direct " + string.Join(", ", removed));
            }

            return string.Join(" and ", parts) + " for " + user;
        }
    }
}
