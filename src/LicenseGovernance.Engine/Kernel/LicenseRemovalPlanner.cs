using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Decides how to free one user's SKU the way it arrives: a direct assignment goes by assignLicense; a group licence by
    /// ending the access package assignment that delivers the membership, or else by leaving the group (assignLicense cannot
    /// remove an inherited licence: Graph refuses it). It reads the groups involved and nothing else: it changes nothing and
    /// writes nothing to the sink, so the caller shows the plan, asks, and applies the steps.
    /// </summary>
    internal sealed class LicenseRemovalPlanner
    {
        /// <summary>Graph changes a role-assignable group's membership only with this as well as GroupMember.ReadWrite.All.</summary>
        public const string RoleManagementWrite = "RoleManagement.ReadWrite.Directory";

        private static readonly string[] GroupSelect = { "id", "displayName", "groupTypes", "assignedLicenses", "mailEnabled", "onPremisesSyncEnabled", "isAssignableToRole" };

        private readonly GraphSession _session;
        private readonly LicenseRemovalRun _run;
        private readonly Guid _userId;
        private readonly Guid _skuId;
        private readonly LicenseSku? _sku;
        private readonly string _skuPartNumber;
        private readonly IReadOnlyList<ZombieLicenseSource> _sources;

        // Every licence of the user that holds a seat.
        private readonly IReadOnlyList<LicenseState> _seats;

        // Every group the plan takes the user out of, and those an earlier plan of the run did: a licence they give is kept
        // only if something else gives it too.
        private readonly HashSet<string> _leaving;

        // SKUs already listed as also lost by an earlier step, so that each is listed once.
        private readonly HashSet<Guid> _attributed = new HashSet<Guid>();

        private LicenseRemovalPlanner(GraphSession session, LicenseRemovalRun run, User user, Guid skuId, IReadOnlyList<ZombieLicenseSource> sources)
        {
            _session = session;
            _run = run;
            _userId = Guid.Parse(user.Id!);
            _skuId = skuId;
            _sku = run.Sku(skuId);
            _skuPartNumber = _sku?.SkuPartNumber ?? skuId.ToString();
            _sources = sources;
            _seats = LicenseStates.Of(user).Where(LicenseStates.HoldsSeat).ToList();
            _leaving = new HashSet<string>(
                _seats.Where(s => !LicenseStates.IsDirect(s) && (s.SkuId == skuId || run.HasLeft(s.AssignedByGroup!, _userId))).Select(s => s.AssignedByGroup!),
                StringComparer.OrdinalIgnoreCase);
            _leaving.UnionWith(sources.Where(s => s.RemovalPending && s.GroupId.HasValue).Select(s => s.GroupId!.Value.ToString()));
        }

        /// <summary>
        /// The plan that frees <paramref name="skuId"/> for <paramref name="user"/>, read afresh with licenseAssignmentStates.
        /// <paramref name="sources"/> are the ways the licence reaches the user as a scan described them
        /// (<see cref="LicenseSources.Describe"/>): their AccessPackage entries say which memberships a package delivers, and
        /// those marked RemovalPending are already ending (a step already done, nothing to change).
        /// Groups are read through <paramref name="run"/>, once a run.
        /// </summary>
        public static Task<LicenseRemovalPlan> PlanAsync(GraphSession session, LicenseRemovalRun run, User user, Guid skuId, IReadOnlyList<ZombieLicenseSource> sources, CancellationToken cancellation) =>
            new LicenseRemovalPlanner(session, run, user, skuId, sources).PlanAsync(cancellation);

        private async Task<LicenseRemovalPlan> PlanAsync(CancellationToken cancellation)
        {
            var held = _seats.Where(s => s.SkuId == _skuId).ToList();
            var steps = new List<LicenseRemovalStep>();
            foreach (var state in held)
            {
                if (LicenseStates.IsDirect(state))
                {
                    steps.Add(LicenseRemovalStep.RemoveDirect(new DirectLicense(_skuId, _skuPartNumber, LicenseStates.Plans(state.DisabledPlans))));
                    continue;
                }

                var groupId = state.AssignedByGroup!;
                var group = await GroupAsync(groupId, cancellation).ConfigureAwait(false);
                var name = group?.DisplayName ?? groupId;
                var package = DeliveringPackage(groupId);
                if (Pending(groupId))
                {
                    // Nothing to change and nothing to refuse: the membership is already ending, Entra has still to process it.
                    steps.Add(LicenseRemovalStep.Ending(groupId, name, package));
                    continue;
                }

                var refusal = Refusal(group, groupId, package != null);
                if (refusal != null)
                {
                    return new LicenseRemovalPlan(_skuId, _skuPartNumber, Array.Empty<LicenseRemovalStep>(), Array.Empty<LostMailbox>(),
                        new LicenseRemovalRefusal(refusal.Value, groupId, name, _skuPartNumber, !_session.AppOnly));
                }

                var alreadyDone = _run.HasLeft(groupId, _userId);
                steps.Add(LicenseRemovalStep.EndMembership(groupId, name, package, alreadyDone ? Array.Empty<AlsoLostLicense>() : AlsoLost(groupId, name), alreadyDone));
            }

            return new LicenseRemovalPlan(_skuId, _skuPartNumber, steps, Mailboxes(held, steps), null);
        }

        private async Task<Group?> GroupAsync(string groupId, CancellationToken cancellation)
        {
            if (!_run.Groups.TryGetValue(groupId, out var group))
            {
                group = await _session.CallOrNotFoundAsync("read group " + groupId, "ReadGroups",
                    c => c.Groups[groupId].GetAsync(r => r.QueryParameters.Select = GroupSelect, cancellation), cancellation).ConfigureAwait(false);
                _run.Groups[groupId] = group;
            }

            return group;
        }

        /// <summary>The name of the access package whose assignment delivers the membership, as the sources say; null when none does.</summary>
        private string? DeliveringPackage(string groupId)
        {
            var source = _sources.FirstOrDefault(s => s.Kind == LicenseSourceKind.AccessPackage && string.Equals(s.GroupId?.ToString(), groupId, StringComparison.OrdinalIgnoreCase));
            return source == null ? null : source.AccessPackageName ?? source.AccessPackageId?.ToString() ?? "";
        }

        /// <summary>The sources say the membership is already ending: the user left the group, or the assignment delivering it is being removed.</summary>
        private bool Pending(string groupId) =>
            _sources.Any(s => s.RemovalPending && string.Equals(s.GroupId?.ToString(), groupId, StringComparison.OrdinalIgnoreCase));

        /// <summary>Why Graph cannot end the membership, checked before anything is changed; null when it can.</summary>
        private LicenseRemovalRefusalKind? Refusal(Group? group, string groupId, bool deliveredByPackage)
        {
            if (LicenseSources.IsDynamic(group))
            {
                return LicenseRemovalRefusalKind.DynamicGroup;
            }

            // Graph refuses membership changes of groups mastered elsewhere.
            if (group?.OnPremisesSyncEnabled == true)
            {
                return LicenseRemovalRefusalKind.SyncedGroup;
            }

            if (group?.MailEnabled == true && !(group.GroupTypes?.Contains("Unified", StringComparer.OrdinalIgnoreCase) ?? false))
            {
                return LicenseRemovalRefusalKind.MailEnabledGroup;
            }

            // Without RoleManagement.ReadWrite.Directory Graph answers a bare 403 for a role-assignable group. A membership an
            // access package delivers is ended by entitlement management, which needs no such permission of the caller.
            var lacksRoleManagement = _session.Claims != null && !_session.Claims.Permissions.Contains(RoleManagementWrite, StringComparer.OrdinalIgnoreCase);
            return group?.IsAssignableToRole == true && !_run.HasLeft(groupId, _userId) && !deliveredByPackage && lacksRoleManagement
                ? LicenseRemovalRefusalKind.RoleAssignableGroup
                : (LicenseRemovalRefusalKind?)null;
        }

        /// <summary>The membership carries every licence of the group: the ones the user holds from nowhere else go too.</summary>
        private IReadOnlyList<AlsoLostLicense> AlsoLost(string groupId, string groupName)
        {
            var lost = new List<AlsoLostLicense>();
            foreach (var state in _seats.Where(s => s.SkuId.HasValue && s.SkuId != _skuId && LicenseStates.FromGroup(s, groupId)))
            {
                var skuId = state.SkuId!.Value;
                var kept = _seats.Any(s => s.SkuId == skuId && (LicenseStates.IsDirect(s) || !_leaving.Contains(s.AssignedByGroup!)));
                if (kept || !_attributed.Add(skuId))
                {
                    continue;
                }

                var sku = _run.Sku(skuId);
                lost.Add(new AlsoLostLicense(skuId, sku, groupName, sku == null ? Array.Empty<string>() : MailboxPlans.Enabled(sku, new[] { state })));
            }

            return lost;
        }

        /// <summary>The mailbox guard: the SKU's own mailbox plans, then those of every SKU a membership removal also takes.</summary>
        private IReadOnlyList<LostMailbox> Mailboxes(IReadOnlyList<LicenseState> held, IEnumerable<LicenseRemovalStep> steps)
        {
            var own = _sku == null || held.Count == 0 ? Array.Empty<string>() : MailboxPlans.Enabled(_sku, held);
            var mailboxes = own.Length == 0 ? new List<LostMailbox>() : new List<LostMailbox> { new LostMailbox(_skuPartNumber, own, null) };
            mailboxes.AddRange(steps.SelectMany(s => s.AlsoLost).Where(l => l.MailboxPlans.Count > 0).Select(l => new LostMailbox(l.SkuPartNumber, l.MailboxPlans, l.GroupName)));
            return mailboxes;
        }
    }
}
