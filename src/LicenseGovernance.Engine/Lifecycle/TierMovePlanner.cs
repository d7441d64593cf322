using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Works out, from the tenant as read, the safe order of one user's move to their goal. Nothing is removed before its
    /// replacement is active: a tier whose licences can sit beside the old ones is joined and verified first and the old one
    /// left after; one that cannot (different mailbox plans) is reached through a direct copy of the old licences, leaving
    /// the old tier, one assignLicense that adds the new SKUs and removes the old copies together, joining, verifying, and
    /// removing the direct copy of the new SKUs. Pure: reads nothing, writes nothing.
    /// </summary>
    internal static class TierMovePlanner
    {
        public static TierMove Plan(TierUser user, TierGoal goal, TierSystem system, DateTimeOffset now)
        {
            var to = goal.Tier;
            var rejoin = Rejoins(user, goal);
            var others = system.Tiers.Where(t => t != to && user.IsMember(t)).ToList();
            var fading = system.Tiers.Where(t => t != to && !user.IsMember(t) && user.HasStatesFrom(t)).ToList();
            var direct = user.Direct(system.TierSkus).Select(d => new DirectLicense(d.SkuId, system.SkuName(d.SkuId), d.DisabledPlans)).ToList();
            var move = new TierMove(user, goal, rejoin ? to : others.OrderByDescending(t => t.Rank).FirstOrDefault(), direct);
            if (goal.Delivering != null)
            {
                PlanWaiting(move, system);
                return move;
            }

            var bridges = Bridges(user, move, system, others.Concat(fading));
            if (rejoin)
            {
                PlanRejoin(move, bridges);
            }
            else if (user.ActiveIn(to))
            {
                Settle(move, others, bridges);
            }
            else
            {
                Reach(move, others, fading, bridges, system);
                move.GapSeconds = user.HoldsAnything ? (double?)null : (now - user.LastEnded)?.TotalSeconds;
            }

            PlanEnd(move, system);
            return move;
        }

        /// <summary>
        /// The user's membership of the tier they belong in comes only from a package being removed (the baseline's own
        /// package): it goes with the package's assignment, so the user has to join the tier again as a member.
        /// </summary>
        private static bool Rejoins(TierUser user, TierGoal goal)
        {
            var delivered = user.Delivered(goal.Tier).ToList();
            return goal.Retiring != null && !goal.Tier.IsDynamic && user.IsMember(goal.Tier) && delivered.Count > 0 && delivered.All(goal.Retires);
        }

        /// <summary>
        /// Leaving and joining the same tier takes its licences away for a while, so it goes the exclusive way: a direct copy
        /// of the tier's licences holds them while the package's assignment ends and the membership comes back.
        /// </summary>
        private static void PlanRejoin(TierMove move, List<DirectLicense> bridges)
        {
            move.Exclusive = true;
            move.Join = TierJoin.AddMember;
            move.GapAvoided = true;
            PlanExclusive(move, new List<LifecycleTier> { move.To }, new List<LifecycleTier>(), bridges);
        }

        /// <summary>The assignments of a package being removed that leaving a tier does not end (the user keeps the tier another way).</summary>
        private static void PlanEnd(TierMove move, TierSystem system)
        {
            if (move.Kind == TierMoveKind.Blocked)
            {
                return;
            }

            foreach (var assignment in move.User.Assignments.Where(a => a.IsLive && move.Goal.Retires(a)))
            {
                var tier = system.TierOfPackage(assignment.PackageId)!;
                if (!move.Leave.Contains(tier))
                {
                    move.End.Add((tier, assignment));
                    move.Plan.Add($"end the assignment of {tier.PackageName(assignment.PackageId)}, the package being removed");
                }
            }

            if (move.End.Count > 0 && move.Kind == TierMoveKind.None)
            {
                move.Kind = TierMoveKind.CleanUp;
            }
        }

        /// <summary>
        /// The user's direct licences that count as bridges of this move: copies of the desired tier's SKUs or of a tier being
        /// left, and those a tier move recorded in the journal. Other direct licences are not the tier system's to take away.
        /// </summary>
        private static List<DirectLicense> Bridges(TierUser user, TierMove move, TierSystem system, IEnumerable<LifecycleTier> leaving)
        {
            var skus = new HashSet<Guid>(move.To.SkuIds.Concat(leaving.SelectMany(t => t.SkuIds)).Concat(user.JournalBridges));
            skus.UnionWith(user.Assignments.Select(a => system.TierOfPackage(a.PackageId)).Where(t => t != null).SelectMany(t => t!.SkuIds));
            return move.Direct.Where(d => skus.Contains(d.SkuId)).ToList();
        }

        /// <summary>
        /// Nothing moves until the delivery is done, but a tier whose assignment ends meanwhile is bridged now, as a settled
        /// user's would be: a delivery that stalls past that end then leaves the user licensed.
        /// </summary>
        private static void PlanWaiting(TierMove move, TierSystem system)
        {
            move.Kind = TierMoveKind.Waiting;
            AddBridges(move, move.Goal.Ending);
            move.GapAvoided = move.Bridge.Count > 0;
            PlanBridge(move, $"{Names(move.Goal.Ending)} ends before the delivery may be done");
            move.WaitForDelivery($"An assignment of {system.TierOfPackage(move.Goal.Delivering!.PackageId)?.Name} is still being delivered; nothing {(move.Bridge.Count > 0 ? "else " : "")}is changed until it is.");
        }

        /// <summary>The desired tier is active: leave the others, take the bridges away, and bridge again when its end is near.</summary>
        private static void Settle(TierMove move, List<LifecycleTier> others, List<DirectLicense> bridges)
        {
            var keep = move.Goal.After != null ? move.To.SkuIds : new HashSet<Guid>();
            move.Bridge.AddRange(move.Goal.After == null ? Enumerable.Empty<DirectLicense>() : move.To.Licenses.Where(l => !move.Direct.Any(d => d.SkuId == l.SkuId)));
            move.Leave.AddRange(others.Where(t => !t.IsDynamic));
            move.RemoveAfter.AddRange(bridges.Where(b => !keep.Contains(b.SkuId)));
            var cleanUp = move.Leave.Count > 0 || move.RemoveAfter.Count > 0 || move.Goal.ClearReturn != null;
            move.Kind = move.Bridge.Count > 0 && !cleanUp ? TierMoveKind.LookAheadBridge : cleanUp || move.Bridge.Count > 0 ? TierMoveKind.CleanUp : TierMoveKind.None;
            move.GapAvoided = move.Bridge.Count > 0;
            PlanBridge(move, $"{move.To.Name}'s assignment ends {move.Goal.EndsAt:yyyy-MM-dd HH:mm} UTC");
            PlanLeave(move);
            PlanRemoval(move);
            PlanClearReturn(move);
            Blocked(move, others.Where(t => t.IsDynamic), stillMoves: true);
        }

        private static void Reach(TierMove move, List<LifecycleTier> others, List<LifecycleTier> fading, List<DirectLicense> bridges, TierSystem system)
        {
            var held = others.Concat(fading).SelectMany(move.User.HeldFrom).Concat(bridges.Where(b => !move.To.SkuIds.Contains(b.SkuId))).ToList();
            var foreign = Foreign(move, system, bridges).Where(f => move.To.ExclusiveWith(system.MailboxPlans(new[] { f.License }))).ToList();
            move.Exclusive = move.To.ExclusiveWith(system.MailboxPlans(held)) || foreign.Count > 0;
            move.Join = JoinOf(move);
            move.GapAvoided = move.User.HoldsAnything;
            if (move.Exclusive && (Blocked(move, others.Where(t => t.IsDynamic), stillMoves: false) || Blocked(move, foreign.Select(f => f.Source))))
            {
                return;
            }

            if (move.Exclusive)
            {
                PlanExclusive(move, others, fading, bridges);
            }
            else
            {
                PlanNonExclusive(move, others, bridges);
            }

            PlanClearReturn(move);
        }

        private static void PlanExclusive(TierMove move, List<LifecycleTier> others, List<LifecycleTier> fading, List<DirectLicense> bridges)
        {
            move.Kind = TierMoveKind.Exclusive;
            AddBridges(move, others.Concat(fading));
            move.Leave.AddRange(others);
            move.WaitGone.AddRange(others.Concat(fading));
            var direct = bridges.Concat(move.Bridge).ToList();
            move.SwapAdd.AddRange(move.To.Licenses.Where(l => !direct.Any(d => d.SkuId == l.SkuId)));
            move.SwapRemove.AddRange(direct.Where(d => !move.To.SkuIds.Contains(d.SkuId)).Select(d => d.SkuId).Distinct());
            move.RemoveAfter.AddRange(move.To.Licenses);
            PlanBridge(move, $"{move.To.Name}'s licences cannot sit beside the old ones");
            PlanLeave(move);
            if (move.WaitGone.Count > 0)
            {
                move.Plan.Add($"wait until Entra has taken {Names(move.WaitGone)}'s licences away (the bridge keeps the user licensed)");
            }

            if (move.SwapAdd.Count > 0 || move.SwapRemove.Count > 0)
            {
                move.Plan.Add($"swap in one assignLicense: add {Skus(move.SwapAdd)} directly, remove the direct {string.Join(", ", move.SwapRemove.Select(s => SkuName(move, s)))}");
            }

            PlanJoin(move);
            PlanRemoval(move);
        }

        /// <summary>Direct copies of what the user holds from <paramref name="tiers"/>' groups, but for SKUs the user holds directly already.</summary>
        private static void AddBridges(TierMove move, IEnumerable<LifecycleTier> tiers)
        {
            var copies = tiers.SelectMany(move.User.HeldFrom).GroupBy(l => l.SkuId).Select(g => g.First());
            move.Bridge.AddRange(copies.Where(c => !move.Direct.Any(d => d.SkuId == c.SkuId)));
        }

        private static void PlanNonExclusive(TierMove move, List<LifecycleTier> others, List<DirectLicense> bridges)
        {
            move.Kind = TierMoveKind.NonExclusive;
            move.Leave.AddRange(others.Where(t => !t.IsDynamic));
            move.RemoveAfter.AddRange(bridges);
            PlanJoin(move);
            PlanLeave(move);
            PlanRemoval(move);
            Blocked(move, others.Where(t => t.IsDynamic), stillMoves: true);
        }

        private static TierJoin JoinOf(TierMove move)
        {
            var user = move.User;
            if (move.Goal.RequestPackage != null && !user.Live(move.To).Any())
            {
                return TierJoin.RequestPackage;
            }

            if (!user.IsMember(move.To) && user.Live(move.To).Any(a => !a.IsDelivered))
            {
                return TierJoin.AwaitDelivery;
            }

            if (user.IsMember(move.To))
            {
                // Beside an exclusive tier Entra fails the new licence, or is about to (its processing may still be queued), so
                // once the old tier is gone the user is reprocessed rather than left to an error Entra would not revisit.
                return user.ErrorFrom(move.To) != null || move.Exclusive ? TierJoin.Reprocess : TierJoin.None;
            }

            // A delivered assignment brings the membership itself; only the baseline (held without an end) is joined by hand.
            return user.Delivered(move.To).Any() ? TierJoin.None : TierJoin.AddMember;
        }

        /// <summary>
        /// Licences that are neither a tier's nor a bridge: a direct assignment of another SKU, or a licence from a group outside
        /// the tiers. The module does not take these away, so one whose mailbox plan cannot sit beside the new tier blocks the move.
        /// </summary>
        private static IEnumerable<(DirectLicense License, string Source)> Foreign(TierMove move, TierSystem system, List<DirectLicense> bridges) =>
            (move.User.States ?? Array.Empty<LicenseState>())
                .Where(s => LicenseStates.HoldsSeat(s) && s.SkuId.HasValue && system.Tier(s.AssignedByGroup) == null)
                .Where(s => !LicenseStates.IsDirect(s) || !bridges.Any(b => b.SkuId == s.SkuId))
                .Select(s => (new DirectLicense(s.SkuId!.Value, system.SkuName(s.SkuId.Value), LicenseStates.Plans(s.DisabledPlans)),
                    LicenseStates.IsDirect(s) ? $"the direct {system.SkuName(s.SkuId.Value)}" : $"{system.SkuName(s.SkuId.Value)} from group {s.AssignedByGroup}"));

        /// <summary>A licence the module does not manage cannot sit beside the new tier's: the move is left alone, with the remedy.</summary>
        private static bool Blocked(TierMove move, IEnumerable<string> foreign)
        {
            var names = foreign.Distinct().ToList();
            if (names.Count == 0)
            {
                return false;
            }

            move.Kind = TierMoveKind.Blocked;
            move.Outcome = TierMoveOutcome.Skipped;
            move.Detail = $"The user holds {string.Join(", ", names)}, which is no tier's and whose mailbox plan cannot sit beside {move.To.Name}'s licences. Nothing was changed.";
            move.Remedy = $"Remove it (or move the user's mailbox licensing into the tiers, Move-DirectToGroupLicense), then run the command again.";
            return true;
        }

        /// <summary>A dynamic tier cannot be left by the module. An exclusive move is then left alone; any other still happens, and says so.</summary>
        private static bool Blocked(TierMove move, IEnumerable<LifecycleTier> dynamic, bool stillMoves)
        {
            var names = dynamic.Select(t => t.Name).ToList();
            if (names.Count == 0)
            {
                return false;
            }

            var detail = $"{string.Join(", ", names)} has dynamic membership and its rule includes the user, so the module cannot take the user out";
            var remedy = $"Change the user's attributes or {string.Join(", ", names)}'s rule (Test-LicenseMembershipRule shows who it includes), then run Sync-LicenseTier again.";
            if (stillMoves)
            {
                move.Detail = detail + "; the user stays in it as well as in " + move.To.Name + ".";
                move.Remedy = remedy;
                return false;
            }

            move.Kind = TierMoveKind.Blocked;
            move.Outcome = TierMoveOutcome.Skipped;
            move.Detail = detail + $", and {move.To.Name}'s licences cannot sit beside its licences. Nothing was changed.";
            move.Remedy = remedy;
            return true;
        }

        private static void PlanBridge(TierMove move, string why)
        {
            if (move.Bridge.Count > 0)
            {
                move.Plan.Add($"bridge: assign {Skus(move.Bridge)} directly, a copy of what the user holds (the same SKU, no extra seat), as {why}");
            }
        }

        private static void PlanLeave(TierMove move)
        {
            foreach (var tier in move.Leave)
            {
                var how = move.User.Live(tier).Any() ? "end its access package assignment"
                    : move.User.Leaving(tier).Any() ? "its access package assignment is being removed already; wait for that" : "remove the membership";
                move.Plan.Add($"leave {tier.Name} ({how})");
            }
        }

        private static void PlanJoin(TierMove move)
        {
            var how = move.Join switch
            {
                TierJoin.RequestPackage => $"request its access package {move.Goal.RequestPackage!.DisplayName}" + (move.Goal.RequestEnd == null ? " (its policy's end)" : $" until {move.Goal.RequestEnd:yyyy-MM-dd HH:mm} UTC"),
                TierJoin.AddMember => "add the membership",
                TierJoin.AwaitDelivery => "wait for the delivery of its access package assignment, already requested",
                TierJoin.Reprocess => "reprocess the user's licences, now that nothing conflicts",
                _ => "a member already",
            };
            move.Plan.Add($"join {move.To.Name} ({how})");
            move.Plan.Add($"wait until {move.To.Name}'s {Skus(move.To.Licenses)} is Active from its group");
        }

        private static void PlanRemoval(TierMove move)
        {
            if (move.RemoveAfter.Count > 0)
            {
                move.Plan.Add($"remove the direct {Skus(move.RemoveAfter)}");
            }
        }

        private static void PlanClearReturn(TierMove move)
        {
            if (move.Goal.ClearReturn != null)
            {
                move.Plan.Add(move.Goal.ReturnObsolete ? "clear the return marker, which can no longer apply" : "clear the return marker once the user is back");
            }
        }

        private static string Names(IEnumerable<LifecycleTier> tiers) => string.Join(", ", tiers.Select(t => t.Name));

        private static string Skus(IEnumerable<DirectLicense> licenses) => string.Join(", ", licenses.Select(l => l.SkuPartNumber ?? l.SkuId.ToString()));

        private static string SkuName(TierMove move, Guid skuId) =>
            move.Direct.Concat(move.Bridge).FirstOrDefault(d => d.SkuId == skuId)?.SkuPartNumber ?? skuId.ToString();
    }
}
