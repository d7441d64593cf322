using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Decides one person's change from their HR record and the tenant as read, and works out the tier move in the same
    /// safe order as Move-UserLicenseTier. Pure: reads nothing, writes nothing, so a run that finds the tenant as the rules
    /// give plans nothing (run again, it changes nothing).
    /// </summary>
    internal static class WorkforcePlanner
    {
        /// <summary>
        /// As Sync-LicenseTier's: a leave that ends within it is returned from now, through the return tier's package, so
        /// the leave tier's assignment ends with the user already back and no gap.
        /// </summary>
        public static readonly TimeSpan LookAhead = Requests.SyncLicenseTierRequest.DefaultLookAhead;

        public static WorkforceStep? Plan(HrRecord record, TierUser user, WorkforceRuleSet rules, TierSystem system, DateTimeOffset now)
        {
            var today = now.UtcDateTime.Date;
            var from = Current(user, system);
            if (record.LeftBy(now))
            {
                return Leaver(record, user, from);
            }

            var dynamic = system.Tiers.FirstOrDefault(t => t.IsDynamic && user.IsMember(t));
            if (dynamic != null)
            {
                return new WorkforceStep(record, user, WorkforceChangeKind.DynamicTier)
                {
                    From = dynamic, To = dynamic, Rule = dynamic.Name, Outcome = WorkforceOutcome.Deferred,
                    Detail = $"The user's tier comes from {dynamic.Name}'s dynamic rule; this command leaves it to Entra.",
                };
            }

            if (from == null && record.StartsAfter(today))
            {
                return new WorkforceStep(record, user, WorkforceChangeKind.FutureJoiner)
                {
                    To = rules.TierFor(record).Tier, Rule = rules.TierFor(record).Key, Outcome = WorkforceOutcome.Deferred,
                    Detail = $"Starts {record.HireDate:yyyy-MM-dd}; nothing is given before the first day.",
                };
            }

            var step = MoveOf(record, user, from, rules, system, now);
            if (step == null && record.Status == HrStatus.Terminated)
            {
                return new WorkforceStep(record, user, WorkforceChangeKind.FutureLeaver)
                {
                    From = from, To = from, Outcome = WorkforceOutcome.Deferred, Detail = $"Last day {record.TerminationDate:yyyy-MM-dd}; offboarded on the run after it.",
                };
            }

            return step;
        }

        /// <summary>The highest tier the user is in (a member, or a live assignment of its package); null for none.</summary>
        public static LifecycleTier? Current(TierUser user, TierSystem system) =>
            system.Tiers.Where(t => user.IsMember(t) || user.Live(t).Any()).OrderByDescending(t => t.Rank).FirstOrDefault();

        private static WorkforceStep Leaver(HrRecord record, TierUser user, LifecycleTier? from) => new WorkforceStep(record, user, WorkforceChangeKind.Leaver)
        {
            From = from, Rule = "Status", Frees = user.SkusHeld,
        };

        /// <summary>The move to the tier the rules (or a leave) give; null when the user holds it already, settled.</summary>
        private static WorkforceStep? MoveOf(HrRecord record, TierUser user, LifecycleTier? from, WorkforceRuleSet rules, TierSystem system, DateTimeOffset now)
        {
            var onLeave = record.OnLeave(now + LookAhead);
            var (to, key) = onLeave ? (rules.LeaveTier, "LeaveTier") : rules.TierFor(record);
            // A user back from leave may hold no tier at all (the leave's assignment ended): their return marker still says where to.
            var current = from == null && user.Return == null ? null : TierGoal.For(user, system, now, LookAhead);
            var kind = onLeave ? WorkforceChangeKind.LeaveStart : user.Return != null ? WorkforceChangeKind.LeaveEnd : from == null ? WorkforceChangeKind.Joiner : WorkforceChangeKind.Mover;
            TierMove move;
            TierReturn? marker = null;
            if (current != null && current.Tier == to)
            {
                // The tenant's own goal agrees with HR (a leave under way, a return due): settle it as the reconciler would.
                move = TierMovePlanner.Plan(user, current, system, now);
                if (move.Kind == TierMoveKind.None)
                {
                    return null;
                }
            }
            else
            {
                var end = onLeave ? record.LeaveEnd : null;
                var package = UserTierMove.PackageFor(to, end);
                move = TierMovePlanner.Plan(user, TierGoal.Given(to, package, end, Justification(record, kind), $"HR's {key}"), system, now);
                marker = end == null || move.Kind == TierMoveKind.None ? null : UserTierMove.ReturnOf(user, move.From, package, end.Value);
            }

            var step = new WorkforceStep(record, user, kind) { From = from, To = to, Rule = key, Move = move, Return = marker };
            step.Needs = to.SkuIds.Where(s => !user.SkusHeld.Contains(s)).ToList();
            step.Frees = system.Tiers.Where(t => t != to && (user.IsMember(t) || user.Live(t).Any())).SelectMany(t => t.SkuIds).Where(s => !to.SkuIds.Contains(s)).Distinct().ToList();
            if (marker != null)
            {
                step.Plan.Add($"record that the user returns to {system.Tier(marker.ReturnTierGroupId)!.Name} at {marker.Until:yyyy-MM-dd HH:mm} UTC");
            }

            return Checked(step, move);
        }

        /// <summary>A move the planner blocks, or one waiting for a delivery, is reported as it is; nothing is sent for it.</summary>
        private static WorkforceStep Checked(WorkforceStep step, TierMove move)
        {
            if (move.Kind == TierMoveKind.Blocked)
            {
                step.Outcome = WorkforceOutcome.Failed;
                step.Detail = (move.Detail + " " + move.Remedy).Trim();
            }
            else if (move.Kind == TierMoveKind.Waiting && !move.HasWork)
            {
                step.Outcome = WorkforceOutcome.Waiting;
                step.Detail = move.Detail;
            }

            return step;
        }

        private static string Justification(HrRecord record, WorkforceChangeKind kind) => kind switch
        {
            WorkforceChangeKind.LeaveStart => $"Leave of absence until {record.LeaveEnd:yyyy-MM-dd} (HR, Sync-WorkforceLicense)",
            WorkforceChangeKind.Joiner => $"Joiner from {record.HireDate:yyyy-MM-dd} (HR, Sync-WorkforceLicense)",
            _ => "Role change (HR, Sync-WorkforceLicense)",
        };

        /// <summary>The HR dates Entra lacks or has otherwise: employeeHireDate, and employeeLeaveDateTime for a last day.</summary>
        public static void PlanDates(WorkforceStep step, DateTimeOffset? entraHire, DateTimeOffset? entraLeave)
        {
            (step.EntraHireDate, step.EntraLeaveDate) = (entraHire, entraLeave);
            if (step.Record.HireDate != null && !SameDay(step.Record.HireDate.Value, entraHire))
            {
                step.Dates["employeeHireDate"] = step.Record.HireDate;
            }

            if (step.Record.TerminationDate != null && !SameDay(step.Record.TerminationDate.Value, entraLeave))
            {
                step.Dates["employeeLeaveDateTime"] = step.Record.TerminationDate;
            }

            foreach (var date in step.Dates)
            {
                step.Plan.Insert(0, $"set {date.Key} to {date.Value:yyyy-MM-dd} in Entra (lifecycle workflows read it)");
            }
        }

        /// <summary>HR exports give days: a time Entra holds on the same day (set by another tool, say end of day) is left alone.</summary>
        private static bool SameDay(DateTimeOffset hr, DateTimeOffset? entra) =>
            entra != null && (hr.TimeOfDay != TimeSpan.Zero ? hr == entra.Value : hr.UtcDateTime.Date == entra.Value.UtcDateTime.Date);
    }
}
