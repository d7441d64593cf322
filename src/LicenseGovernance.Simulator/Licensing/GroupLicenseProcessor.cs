using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Licensing
{
    /// <summary>
    /// Group-based licensing. Every trigger (group licences changed, member added or removed) funnels through
    /// <see cref="Reconcile"/> for one (group, user) pair, and the triggers are the only callers: work is applied at once
    /// today, and making it asynchronous means queueing those pairs instead of reconciling them inline.
    /// Callers hold the store's write lock.
    /// </summary>
    internal sealed class GroupLicenseProcessor
    {
        private readonly TenantStore _store;

        public GroupLicenseProcessor(TenantStore store)
        {
            _store = store;
        }

        public void GroupLicencesChanged(SimulatedGroup group)
        {
            group.LicenseProcessingState = "ProcessingInProgress";
            foreach (var memberId in group.Members)
            {
                var user = _store.UserById(memberId);
                if (user != null)
                {
                    Reconcile(group, user);
                }
            }

            group.LicenseProcessingState = "ProcessingComplete";
        }

        public void MemberAdded(SimulatedGroup group, SimulatedUser user)
        {
            if (group.AssignedLicenses.Count > 0)
            {
                Reconcile(group, user);
            }
        }

        public void MemberRemoved(SimulatedGroup group, SimulatedUser user) =>
            _store.ChangeLicences(user, () => user.LicenseAssignmentStates.RemoveAll(s => s.AssignedByGroup == group.Id));

        /// <summary>Brings one user's states from one group in line with the group's licences.</summary>
        public void Reconcile(SimulatedGroup group, SimulatedUser user)
        {
            var now = _store.Clock.UtcNow;
            var fromOthers = user.LicenseAssignmentStates.Where(s => s.AssignedByGroup != group.Id && s.HoldsSeat).ToList();
            var wanted = group.AssignedLicenses;

            // One failing licence blocks every licence of the same group for that user, as Entra does.
            var errors = new Dictionary<Guid, string>();
            foreach (var license in wanted)
            {
                var sku = _store.FindSkuCore(license.SkuId);
                var alreadyHeld = TenantStore.Holds(user, license.SkuId);
                if (sku == null)
                {
                    errors[license.SkuId] = "Other";
                }
                else if (!alreadyHeld && sku.ConsumedUnits >= sku.PrepaidEnabled)
                {
                    errors[license.SkuId] = "CountViolation";
                }
            }

            if (errors.Count == 0)
            {
                var sources = fromOthers.Select(s => (s.SkuId, (IList<Guid>)s.DisabledPlans))
                    .Concat(wanted.Select(l => (l.SkuId, (IList<Guid>)l.DisabledPlans)));
                var conflict = SkuCatalog.FindConflict(_store.EnabledPlans(sources));
                if (conflict != null)
                {
                    foreach (var license in wanted)
                    {
                        errors[license.SkuId] = conflict.ErrorKind;
                    }
                }
            }

            _store.ChangeLicences(user, () =>
            {
                user.LicenseAssignmentStates.RemoveAll(s => s.AssignedByGroup == group.Id && !wanted.Exists(l => l.SkuId == s.SkuId));
                foreach (var license in wanted)
                {
                    var state = user.LicenseAssignmentStates.Find(s => s.AssignedByGroup == group.Id && s.SkuId == license.SkuId);
                    if (state == null)
                    {
                        state = new LicenseAssignmentState { SkuId = license.SkuId, AssignedByGroup = group.Id };
                        user.LicenseAssignmentStates.Add(state);
                    }

                    var failed = errors.Count > 0;
                    var error = errors.TryGetValue(license.SkuId, out var e) ? e : failed ? "Other" : null;
                    if (state.State != (failed ? "Error" : "Active") || state.Error != error || !state.DisabledPlans.SequenceEqual(license.DisabledPlans))
                    {
                        state.State = failed ? "Error" : "Active";
                        state.Error = error;
                        state.DisabledPlans = license.DisabledPlans.ToList();
                        state.LastUpdatedDateTime = now;
                    }
                }
            });
        }

        public static bool HasLicenseError(SimulatedGroup group, SimulatedUser user) =>
            user.LicenseAssignmentStates.Exists(s => s.AssignedByGroup == group.Id && s.State == "Error");
    }
}
