using System;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Engine.Simulation
{
    /// <summary>
    /// Moves the simulated tenant's clock for a rehearsal. Moving it runs every background step that falls due on the way,
    /// each at the time it was due (licence processing, membership evaluation, deliveries, removals, expiries), as the
    /// tenant does whenever its clock moves; the tenant's tally of completed work before and after says what ran.
    /// </summary>
    internal static class SimulatorClockMover
    {
        public static LicenseSimulatorTime Describe(SimulatedTenant tenant) => new LicenseSimulatorTime
        {
            Time = tenant.Clock.UtcNow,
            FollowsRealTime = tenant.Clock.FollowsRealTime,
            NextWorkDue = tenant.Store.NextWorkDue,
        };

        public static LicenseSimulatorTimePlan Plan(SimulatedTenant tenant, SetSimulatorTimeRequest request)
        {
            if ((request.Advance == null) == (request.To == null))
            {
                throw Errors.SimulatorTimeTargetMissing().ToException();
            }

            var now = tenant.Clock.UtcNow;
            var to = request.To?.ToUniversalTime() ?? now + request.Advance!.Value;
            if (to < now)
            {
                throw Errors.SimulatorTimeBackwards(now, to).ToException();
            }

            return new LicenseSimulatorTimePlan { TenantId = tenant.TenantId, From = now, To = to, Advance = request.Advance };
        }

        public static LicenseSimulatorTimeChange Apply(SimulatedTenant tenant, LicenseSimulatorTimePlan plan)
        {
            var before = tenant.Store.CompletedWork;
            var from = tenant.Clock.UtcNow;
            Move(tenant, plan);
            var ran = tenant.Store.CompletedWork.Since(before);
            var time = tenant.Clock.UtcNow;
            return new LicenseSimulatorTimeChange
            {
                From = from,
                Time = time,
                Advanced = time - from,
                LicenseProcessingSteps = ran.LicenseProcessingSteps,
                MembershipEvaluations = ran.MembershipEvaluations,
                AccessPackageDeliveries = ran.AccessPackageDeliveries,
                AccessPackageRemovals = ran.AccessPackageRemovals,
                AccessPackageExpiries = ran.AccessPackageExpiries,
                ApprovalTimeouts = ran.ApprovalTimeouts,
                NextWorkDue = tenant.Store.NextWorkDue,
            };
        }

        /// <summary>
        /// A duration is applied as a duration, so time spent confirming is not lost. An instant may have passed meanwhile on a
        /// clock that follows real time; the clock refuses it then, as it refuses any move backwards.
        /// </summary>
        private static void Move(SimulatedTenant tenant, LicenseSimulatorTimePlan plan)
        {
            if (plan.Advance != null)
            {
                tenant.Clock.Advance(plan.Advance.Value);
                return;
            }

            try
            {
                tenant.Clock.Set(plan.To);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Errors.SimulatorTimeBackwards(tenant.Clock.UtcNow, plan.To).ToException();
            }
        }
    }
}
