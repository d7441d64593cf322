using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator.Entitlement
{
    /// <summary>
    /// Access package delivery, asynchronous as in Entra: an accepted add leaves its assignment (and request) delivering for
    /// <see cref="SimulatorOptions.AccessPackageDeliveryDelay"/> before the Member roles are granted; a removal (adminRemove,
    /// userRemove, or the end date reached) takes <see cref="SimulatorOptions.AccessPackageRemovalDelay"/> before the
    /// assignment expires and the memberships go. A share of deliveries stalls (<see cref="SimulatorOptions.AccessPackageDeliveryStallProbability"/>),
    /// picked from the assignment's id so a seeded tenant stalls the same ones every time, and waits for the service's retry
    /// or for good. The state lives on the assignments, so snapshots carry it. Callers hold the store's write lock.
    /// </summary>
    internal sealed class AccessPackageDeliveryProcessor
    {
        public const string Delivering = "delivering";
        public const string Delivered = "delivered";
        public const string Expired = "expired";

        private readonly TenantStore _store;

        public AccessPackageDeliveryProcessor(TenantStore store)
        {
            _store = store;
        }

        private List<SimulatedAssignment> Assignments => _store.Entitlement.Assignments;

        /// <summary>A new assignment starts delivering: due after the delivery delay, unless the tenant's stall share picks it.</summary>
        public void Begin(SimulatedAssignment assignment)
        {
            (assignment.State, assignment.Status) = (Delivering, "Delivering");
            var options = _store.Options;
            if (PickedToStall(assignment.Id, options.AccessPackageDeliveryStallProbability))
            {
                Stall(assignment, options.AccessPackageStalledDeliveryRetry);
            }
            else
            {
                assignment.DeliveryDueDateTime = _store.Now + options.AccessPackageDeliveryDelay;
            }
        }

        /// <summary>Holds a delivering assignment until the service retries it after <paramref name="retryAfter"/>, or for good when null.</summary>
        public void Stall(SimulatedAssignment assignment, TimeSpan? retryAfter)
        {
            if (assignment.State != Delivering)
            {
                throw new InvalidOperationException($"Assignment {assignment.Id} is {assignment.State}; only a delivering assignment can stall.");
            }

            assignment.DeliveryStalled = true;
            assignment.DeliveryDueDateTime = retryAfter == null ? (DateTimeOffset?)null : _store.Now + retryAfter.Value;
        }

        /// <summary>Starts ending an assignment; one already being removed keeps its moment.</summary>
        public void BeginRemoval(SimulatedAssignment assignment, DateTimeOffset from) =>
            assignment.RemovalDueDateTime ??= from + _store.Options.AccessPackageRemovalDelay;

        /// <summary>The next delivery or removal that is processing (not a stalled delivery, which waits for a date), or null.</summary>
        public DateTimeOffset? NextDue()
        {
            DateTimeOffset? next = null;
            foreach (var assignment in Assignments)
            {
                next = Earlier(next, assignment.DeliveryStalled ? null : assignment.DeliveryDueDateTime);
                next = Earlier(next, assignment.RemovalDueDateTime);
            }

            return next;
        }

        /// <summary>The next date-driven step: a stalled delivery's retry, or an assignment reaching its end date.</summary>
        public DateTimeOffset? NextDateDue()
        {
            DateTimeOffset? next = null;
            foreach (var assignment in Assignments)
            {
                next = Earlier(next, assignment.DeliveryStalled ? assignment.DeliveryDueDateTime : null);
                next = Earlier(next, ReachesEnd(assignment) ? assignment.EndDateTime : null);
            }

            return next;
        }

        /// <summary>Completes the earliest processing delivery or removal, stamped with <paramref name="at"/>.</summary>
        public void StepEarliest(DateTimeOffset at)
        {
            var delivery = Assignments.Where(a => !a.DeliveryStalled && a.DeliveryDueDateTime != null).OrderBy(a => a.DeliveryDueDateTime).FirstOrDefault();
            var removal = Assignments.Where(a => a.RemovalDueDateTime != null).OrderBy(a => a.RemovalDueDateTime).FirstOrDefault();
            if (delivery != null && (removal == null || delivery.DeliveryDueDateTime <= removal.RemovalDueDateTime))
            {
                Deliver(delivery, at);
            }
            else if (removal != null)
            {
                Remove(removal, at);
            }
        }

        /// <summary>Retries the stalled deliveries whose retry fell due (they deliver), and starts the removal of assignments at their end.</summary>
        public void StepDates(DateTimeOffset at)
        {
            foreach (var assignment in Assignments.Where(a => a.DeliveryStalled && a.DeliveryDueDateTime <= at).ToList())
            {
                Deliver(assignment, at);
            }

            foreach (var assignment in Assignments.Where(a => ReachesEnd(a) && a.EndDateTime <= at).ToList())
            {
                BeginRemoval(assignment, assignment.EndDateTime!.Value);
            }
        }

        /// <summary>The groups whose Member role the package grants.</summary>
        public IEnumerable<SimulatedGroup> MemberGroups(Guid accessPackageId)
        {
            var package = _store.Entitlement.AccessPackages.Find(p => p.Id == accessPackageId);
            if (package == null)
            {
                yield break;
            }

            foreach (var scope in package.RoleScopes.Where(s => s.RoleName == "Member"))
            {
                var group = _store.GroupById(_store.ResourceOf(scope).OriginId);
                if (group != null)
                {
                    yield return group;
                }
            }
        }

        private static bool ReachesEnd(SimulatedAssignment assignment) =>
            assignment.EndDateTime != null && assignment.RemovalDueDateTime == null && (assignment.State == Delivered || assignment.State == Delivering);

        private void Deliver(SimulatedAssignment assignment, DateTimeOffset at)
        {
            (assignment.State, assignment.Status) = (Delivered, "Delivered");
            (assignment.DeliveryDueDateTime, assignment.DeliveryStalled) = (null, false);
            foreach (var group in MemberGroups(assignment.AccessPackageId))
            {
                if (!group.MemberSet.Contains(assignment.TargetId))
                {
                    _store.AddMembersCore(group, new[] { assignment.TargetId });
                }
            }

            CompleteRequest(assignment, r => r.AssignmentId == assignment.Id && !IsRemoval(r));
            _store.Work.AccessPackageDeliveries++;
        }

        /// <summary>
        /// Ends the assignment and takes its memberships away, unless another delivered assignment still grants the same group.
        /// An assignment that was never delivered granted nothing, so it takes nothing away.
        /// </summary>
        private void Remove(SimulatedAssignment assignment, DateTimeOffset at)
        {
            var granted = assignment.State == Delivered;
            (assignment.State, assignment.Status, assignment.ExpiredDateTime) = (Expired, "Expired", at);
            (assignment.DeliveryDueDateTime, assignment.DeliveryStalled, assignment.RemovalDueDateTime) = (null, false, null);
            foreach (var group in granted ? MemberGroups(assignment.AccessPackageId) : Enumerable.Empty<SimulatedGroup>())
            {
                var stillGranted = Assignments.Any(a => a.TargetId == assignment.TargetId && a.State == Delivered && MemberGroups(a.AccessPackageId).Contains(group));
                if (!stillGranted && group.MemberSet.Contains(assignment.TargetId) && !group.IsDynamic)
                {
                    _store.RemoveMemberCore(group, assignment.TargetId);
                }
            }

            if (CompleteRequest(assignment, r => r.AssignmentId == assignment.Id && IsRemoval(r)))
            {
                _store.Work.AccessPackageRemovals++;
            }
            else
            {
                _store.Work.AccessPackageExpiries++;
            }
        }

        private bool CompleteRequest(SimulatedAssignment assignment, Func<SimulatedAssignmentRequest, bool> match)
        {
            var request = _store.Entitlement.Requests.Find(r => r.State == Delivering && match(r));
            if (request != null)
            {
                _store.Complete(request, Delivered, "Delivered");
            }

            return request != null;
        }

        private static bool IsRemoval(SimulatedAssignmentRequest request) => request.RequestType.EndsWith("Remove", StringComparison.Ordinal);

        /// <summary>A fraction from the id's first bytes: ids come from the tenant's seeded generator, so the pick repeats with the seed.</summary>
        private static bool PickedToStall(Guid id, double share) =>
            share > 0 && BitConverter.ToUInt32(id.ToByteArray(), 0) / (double)uint.MaxValue < share;

        private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a == null ? b : b == null || a.Value <= b.Value ? a : b;
    }
}
