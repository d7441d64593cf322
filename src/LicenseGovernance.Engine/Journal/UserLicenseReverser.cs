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
            var restore = new LicenseRestore(skus, before, after, current);
            if (restore.Differing.Count == 0)
            {
                return ReversalPlan.NothingToDo(restore.State, $"{change.TargetLabel} already holds the direct licences it had before the change.");
            }

            if (restore.Moved.Count > 0 && !force)
            {
                return ReversalPlan.Conflict(restore.State, $"{change.TargetLabel}'s direct licences of {string.Join(", ", restore.Moved.Select(restore.Name))} are no longer as the change left them.");
            }

            var named = current.Select(l => new DirectLicense(l.SkuId, restore.Name(l.SkuId), l.DisabledPlans)).ToList();
            var intent = ChangeIntents.AssignUserLicenses(Guid.Parse(change.TargetId), user.UserPrincipalName ?? change.TargetName, named, before.Where(l => restore.Differing.Contains(l.SkuId)).ToList());
            var detail = Describe(restore.Add.Select(a => restore.Name(a.SkuId)), restore.Remove.Select(restore.Name), change.TargetLabel);
            return ReversalPlan.Reverse(restore.State, detail, intent, async ct =>
            {
                await UserLicenseWriter.SendAsync(session, "assign licences to " + change.TargetLabel, Guid.Parse(change.TargetId), restore.Add, restore.Remove, ct).ConfigureAwait(false);
                return true;
            });
        }

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
