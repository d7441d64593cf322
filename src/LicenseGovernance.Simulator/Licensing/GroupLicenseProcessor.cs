using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Licensing
{
    /// <summary>
    /// Group-based licensing, asynchronous as in Entra: every trigger (group licences changed, member added or removed,
    /// a reprocess) queues (group, user) work on the simulator clock. A group waits in QueuedForProcessing for
    /// <see cref="SimulatorOptions.LicenseProcessingDelay"/>, then processes its queued users one after another,
    /// each taking <see cref="SimulatorOptions.LicenseProcessingTimePerUser"/>, and reports ProcessingComplete after the last.
    /// Callers hold the store's write lock.
    /// </summary>
    internal sealed class GroupLicenseProcessor
    {
        public const string Queued = "QueuedForProcessing";
        public const string InProgress = "ProcessingInProgress";
        public const string Complete = "ProcessingComplete";

        private readonly TenantStore _store;

        // Insertion-ordered so that runs due at the same instant are processed in the order they were queued.
        private readonly List<LicenseProcessingRun> _runs = new List<LicenseProcessingRun>();
        private readonly Dictionary<Guid, LicenseProcessingRun> _runsByGroup = new Dictionary<Guid, LicenseProcessingRun>();

        public GroupLicenseProcessor(TenantStore store)
        {
            _store = store;
        }

        public bool HasWork => _runs.Count > 0;

        /// <summary>Every member, in the order they were added, plus anyone still holding a licence state from the group.</summary>
        public void GroupLicensesChanged(SimulatedGroup group)
        {
            var run = EnsureRun(group);
            foreach (var memberId in group.Members)
            {
                if (_store.UserById(memberId) != null)
                {
                    run.Add(memberId);
                }
            }

            foreach (var user in _store.UserList)
            {
                if (!group.MemberSet.Contains(user.Id) && HasStateFrom(group, user))
                {
                    run.Add(user.Id);
                }
            }
        }

        public void MemberAdded(SimulatedGroup group, SimulatedUser user)
        {
            if (group.AssignedLicenses.Count > 0 || HasStateFrom(group, user))
            {
                EnsureRun(group).Add(user.Id);
            }
        }

        public void MemberRemoved(SimulatedGroup group, SimulatedUser user) => MemberAdded(group, user);

        /// <summary>POST /users/{id}/reprocessLicenseAssignment: the user's licence groups, and groups it still holds states from.</summary>
        public void Reprocess(SimulatedUser user)
        {
            var groupIds = user.MemberOf.Concat(user.LicenseAssignmentStates.Where(s => s.AssignedByGroup.HasValue).Select(s => s.AssignedByGroup!.Value)).Distinct().ToList();
            foreach (var group in _store.GroupList)
            {
                if (groupIds.Contains(group.Id))
                {
                    MemberAdded(group, user);
                }
            }
        }

        /// <summary>When the next step of any run falls due, or null when idle.</summary>
        public DateTimeOffset? NextDue()
        {
            DateTimeOffset? next = null;
            foreach (var run in _runs)
            {
                if (next == null || run.NextDue < next.Value)
                {
                    next = run.NextDue;
                }
            }

            return next;
        }

        /// <summary>Runs the earliest step (a group starting, or one user processed), stamping changes with <paramref name="at"/>.</summary>
        public void StepEarliest(DateTimeOffset at)
        {
            LicenseProcessingRun? earliest = null;
            foreach (var run in _runs)
            {
                if (earliest == null || run.NextDue < earliest.NextDue)
                {
                    earliest = run;
                }
            }

            if (earliest != null)
            {
                Step(earliest, at);
            }
        }

        /// <summary>Finishes a group's queued work at once; used before a group is deleted, so no run outlives its group.</summary>
        public void Drain(SimulatedGroup group, DateTimeOffset at)
        {
            while (_runsByGroup.TryGetValue(group.Id, out var run))
            {
                Step(run, at);
            }
        }

        public List<LicenseProcessingRunState> Save() => _runs.Select(r => r.ToState()).ToList();

        public void Load(IEnumerable<LicenseProcessingRunState> states)
        {
            foreach (var state in states)
            {
                if (_store.GroupById(state.GroupId) == null || _runsByGroup.ContainsKey(state.GroupId))
                {
                    throw new ArgumentException($"Queued licence processing refers to group {state.GroupId}, which is missing or queued twice.");
                }

                var run = LicenseProcessingRun.FromState(state);
                _runs.Add(run);
                _runsByGroup.Add(run.GroupId, run);
            }
        }

        public static bool HasLicenseError(SimulatedGroup group, SimulatedUser user) =>
            user.LicenseAssignmentStates.Exists(s => s.AssignedByGroup == group.Id && s.Error != null);

        private static bool HasStateFrom(SimulatedGroup group, SimulatedUser user) => user.LicenseAssignmentStates.Exists(s => s.AssignedByGroup == group.Id);

        private LicenseProcessingRun EnsureRun(SimulatedGroup group)
        {
            if (!_runsByGroup.TryGetValue(group.Id, out var run))
            {
                run = new LicenseProcessingRun(group.Id, _store.Now + _store.Options.LicenseProcessingDelay);
                _runs.Add(run);
                _runsByGroup.Add(group.Id, run);
                group.LicenseProcessingState = Queued;
            }

            return run;
        }

        private void Step(LicenseProcessingRun run, DateTimeOffset at)
        {
            var group = _store.GroupById(run.GroupId)!;
            if (!run.Started)
            {
                run.Start(_store.Options.LicenseProcessingTimePerUser);
                group.LicenseProcessingState = InProgress;
            }
            else
            {
                var user = _store.UserById(run.TakeNext(_store.Options.LicenseProcessingTimePerUser));
                if (user != null)
                {
                    Reconcile(group, user, at);
                    _store.Work.LicenseProcessingSteps++;
                }
            }

            if (run.Started && run.IsEmpty)
            {
                group.LicenseProcessingState = Complete;
                _runs.Remove(run);
                _runsByGroup.Remove(run.GroupId);
            }
        }

        /// <summary>Brings one user's states from one group in line with the group's licences and the user's membership.</summary>
        private void Reconcile(SimulatedGroup group, SimulatedUser user, DateTimeOffset at)
        {
            var isMember = _store.GroupById(group.Id) == group && group.MemberSet.Contains(user.Id);
            var wanted = isMember ? group.AssignedLicenses : new List<AssignedLicense>();
            var mine = user.LicenseAssignmentStates.Where(s => s.AssignedByGroup == group.Id).ToList();
            var fromOthers = user.LicenseAssignmentStates.Where(s => s.AssignedByGroup != group.Id && s.HoldsSeat).ToList();
            var removed = mine.Where(s => !wanted.Exists(l => l.SkuId == s.SkuId)).ToList();
            var blockedRemovals = BlockedRemovals(mine, removed, fromOthers);
            var errors = wanted.Count == 0 ? new Dictionary<Guid, string>() : AssignmentErrors(user, wanted, fromOthers);

            _store.ChangeLicenses(user, () =>
            {
                foreach (var state in removed)
                {
                    if (!blockedRemovals)
                    {
                        user.LicenseAssignmentStates.Remove(state);
                    }
                    else if (state.HoldsSeat)
                    {
                        // Entra keeps the licence rather than break a plan that another source depends on.
                        Update(state, "ActiveWithError", "DependencyViolation", state.DisabledPlans, at);
                    }
                    else
                    {
                        user.LicenseAssignmentStates.Remove(state);
                    }
                }

                foreach (var license in wanted)
                {
                    var state = mine.Find(s => s.SkuId == license.SkuId);
                    if (state == null)
                    {
                        state = new LicenseAssignmentState { SkuId = license.SkuId, AssignedByGroup = group.Id, State = "Error", LastUpdatedDateTime = at };
                        user.LicenseAssignmentStates.Add(state);
                    }

                    if (errors.Count == 0)
                    {
                        Update(state, "Active", null, license.DisabledPlans, at);
                    }
                    else
                    {
                        // One failing licence blocks every licence of the same group for that user, as Entra does;
                        // a licence the user already had from the group stays in force, marked with the error.
                        var error = errors.TryGetValue(license.SkuId, out var e) ? e : "Other";
                        var before = state.Error;
                        Update(state, state.HoldsSeat ? "ActiveWithError" : "Error", error, state.HoldsSeat ? state.DisabledPlans : license.DisabledPlans, at);
                        if (before != error)
                        {
                            _store.LicenseErrors.Record(at, user.Id, license.SkuId, group.Id, error);
                        }
                    }
                }
            });
        }

        private bool BlockedRemovals(List<LicenseAssignmentState> mine, List<LicenseAssignmentState> removed, List<LicenseAssignmentState> fromOthers)
        {
            if (!removed.Exists(s => s.HoldsSeat))
            {
                return false;
            }

            IEnumerable<(Guid, IList<Guid>)> Sources(IEnumerable<LicenseAssignmentState> states) => states.Where(s => s.HoldsSeat).Select(s => (s.SkuId, (IList<Guid>)s.DisabledPlans));
            var before = SkuCatalog.FindConflict(_store.EnabledPlans(Sources(fromOthers.Concat(mine))));
            var after = SkuCatalog.FindConflict(_store.EnabledPlans(Sources(fromOthers.Concat(mine.Except(removed)))));
            return after != null && after.ErrorKind == "DependencyViolation" && (before == null || before.ErrorKind != "DependencyViolation");
        }

        private Dictionary<Guid, string> AssignmentErrors(SimulatedUser user, List<AssignedLicense> wanted, List<LicenseAssignmentState> fromOthers)
        {
            var errors = new Dictionary<Guid, string>();

            // Entra gives members without a usageLocation the tenant's country; it never writes it on the user.
            var location = string.IsNullOrEmpty(user.UsageLocation) ? _store.Options.TenantUsageLocation : user.UsageLocation;
            foreach (var license in wanted)
            {
                var sku = _store.FindSkuCore(license.SkuId);
                if (sku == null || sku.CapabilityStatus == "Deleted")
                {
                    errors[license.SkuId] = "Other";
                }
                else if (!TenantStore.Holds(user, sku.SkuId) && sku.ConsumedUnits >= sku.PrepaidEnabled)
                {
                    errors[license.SkuId] = "CountViolation";
                }
                else if (string.IsNullOrEmpty(location) || EnabledPlans(sku, license).Any(p => _store.IsPlanUnavailable(p.ServicePlanId, location!)))
                {
                    errors[license.SkuId] = "ProhibitedInUsageLocationViolation";
                }
                else if (EnabledPlans(sku, license).Any(p => SkuCatalog.IsMailboxPlan(p.ServicePlanId)) && _store.HasSharedMail(user))
                {
                    // A mailbox needs unique proxy addresses; a duplicate is Entra's UniquenessViolation.
                    errors[license.SkuId] = "UniquenessViolation";
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

            return errors;
        }

        private static IEnumerable<SimulatedServicePlan> EnabledPlans(SimulatedSku sku, AssignedLicense license) =>
            sku.ServicePlans.Where(p => p.AppliesTo == "User" && !license.DisabledPlans.Contains(p.ServicePlanId));

        private static void Update(LicenseAssignmentState state, string value, string? error, IList<Guid> disabledPlans, DateTimeOffset at)
        {
            if (state.State != value || state.Error != error || !state.DisabledPlans.SequenceEqual(disabledPlans))
            {
                state.State = value;
                state.Error = error;
                state.DisabledPlans = disabledPlans.ToList();
                state.LastUpdatedDateTime = at;
            }
        }
    }
}
