using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Where one user belongs: the highest tier they are entitled to (a delivered assignment of its package, a dynamic
    /// membership, or a static membership of a tier above the baseline that nothing governs), else the baseline; a due
    /// return from a temporary move; and whether an entitlement ends within the look-ahead, so a bridge is due now.
    /// </summary>
    internal sealed class TierGoal
    {
        private TierGoal(LifecycleTier tier, string why)
        {
            Tier = tier;
            Why = why;
        }

        /// <summary>The tier the user belongs in now.</summary>
        public LifecycleTier Tier { get; private set; }

        public string Why { get; private set; }

        /// <summary>The lower tier the user falls to when an assignment ending within the look-ahead ends; null when nothing ends.</summary>
        public LifecycleTier? After { get; private set; }

        /// <summary>When the entitlement to <see cref="Tier"/> ends, if it ends within the look-ahead.</summary>
        public DateTimeOffset? EndsAt { get; private set; }

        /// <summary>The package to request (adminAdd) to join <see cref="Tier"/>: a due return, or an administrator's move; null joins otherwise.</summary>
        public AccessPackage? RequestPackage { get; set; }

        /// <summary>The end of that request; null takes the policy's.</summary>
        public DateTimeOffset? RequestEnd { get; set; }

        public string? Justification { get; set; }

        /// <summary>The return marker to delete once the user is settled (back in its tier, or it can no longer apply).</summary>
        public TierReturn? ClearReturn { get; private set; }

        /// <summary>The marker can no longer apply (its tier is gone, or its old end has passed): delete it whatever happens.</summary>
        public bool ReturnObsolete { get; private set; }

        /// <summary>An assignment of this or a higher tier is still being delivered: its membership has not come yet.</summary>
        public HeldAssignment? Delivering { get; private set; }

        /// <summary>Tiers whose entitlement ends within the look-ahead (or is ending now); empty for an administrator's move.</summary>
        public IReadOnlyList<LifecycleTier> Ending { get; private set; } = Array.Empty<LifecycleTier>();

        /// <summary>The user's only claim on a tier above the baseline is a membership no assignment governs.</summary>
        public bool Ungoverned { get; private set; }

        /// <summary>
        /// The package being removed (Remove-TierAccessPackage -Force), or null: its assignments are no claim on a tier, and
        /// neither is the membership they deliver, which goes when they end.
        /// </summary>
        public string? Retiring { get; private set; }

        /// <summary>An administrator's move: the tier and how to join it are given, not derived.</summary>
        /// <param name="why">Who decided the move, for the results.</param>
        public static TierGoal Given(LifecycleTier tier, AccessPackage? package, DateTimeOffset? end, string? justification, string why = "moved by an administrator") =>
            new TierGoal(tier, why) { RequestPackage = package, RequestEnd = end, Justification = justification };

        /// <param name="retiring">The id of a package being removed, whose assignments count for nothing; null for none.</param>
        public static TierGoal For(TierUser user, TierSystem system, DateTimeOffset now, TimeSpan lookAhead, string? retiring = null)
        {
            var horizon = now + lookAhead;
            var entitlements = Entitlements(user, system, now, retiring);
            var current = Highest(entitlements, system);
            var lasting = Highest(entitlements.Where(e => e.EndsAt == null || e.EndsAt > horizon).ToList(), system);
            var goal = new TierGoal(current.Tier, current.Why) { Ungoverned = current.Ungoverned, Retiring = retiring };
            goal.ApplyReturn(user, system, now, horizon, ref lasting);
            if (lasting.Tier.Rank > goal.Tier.Rank)
            {
                (goal.Tier, goal.Why, goal.Ungoverned) = (lasting.Tier, lasting.Why, lasting.Ungoverned);
            }
            else if (lasting.Tier.Rank < goal.Tier.Rank)
            {
                goal.After = lasting.Tier;
                goal.EndsAt = entitlements.Where(e => e.Tier == goal.Tier).Max(e => e.EndsAt);
            }

            goal.Ending = entitlements.Where(e => e.EndsAt <= horizon).Select(e => e.Tier).ToList();
            goal.Delivering = user.Assignments.FirstOrDefault(a => a.IsLive && !a.IsDelivered && !a.Removing && !goal.Retires(a) && HoldsTheMove(system.TierOfPackage(a.PackageId), goal.Tier));
            return goal;
        }

        /// <summary>The assignment is of the package being removed.</summary>
        public bool Retires(HeldAssignment assignment) => string.Equals(assignment.PackageId, Retiring, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A delivery of a higher tier changes the goal once done, so the user waits for it. A delivery of the baseline itself
        /// (the restore workflow's request, or an administrator's) does not: the user is swapped onto the baseline's SKU while
        /// it is delivered, so its licence never lands beside the bridge of the tier above (MutuallyExclusiveViolation).
        /// </summary>
        private static bool HoldsTheMove(LifecycleTier? delivering, LifecycleTier goal) =>
            delivering != null && (delivering.Rank > goal.Rank || (delivering == goal && !goal.IsBaseline));

        /// <summary>A due return counts from the temporary move's end; it is requested through the return tier's package.</summary>
        private void ApplyReturn(TierUser user, TierSystem system, DateTimeOffset now, DateTimeOffset horizon, ref Entitlement lasting)
        {
            var marker = user.Return;
            var tier = system.Tier(marker?.ReturnTierGroupId);
            if (marker == null)
            {
                return;
            }

            ReturnObsolete = tier == null || marker.ReturnEndDate <= now;
            if (!ReturnObsolete && marker.Until > horizon)
            {
                // Not due yet: the marker stays for the run that brings the user back (runs read it once the old assignment ends).
                return;
            }

            ClearReturn = marker;
            if (ReturnObsolete || tier!.Rank <= lasting.Tier.Rank)
            {
                return;
            }

            lasting = new Entitlement(tier, null, $"the return to {tier.Name} when the temporary move ends ({marker.Until:yyyy-MM-dd HH:mm} UTC)");
            if (!user.Delivered(tier).Any())
            {
                RequestPackage = tier.Packages.FirstOrDefault(p => string.Equals(p.Id, marker.ReturnPackageId, StringComparison.OrdinalIgnoreCase)) ?? tier.Package;
                RequestEnd = marker.ReturnEndDate;
                Justification = "Return from a temporary tier move (LicenseGovernance)";
            }
        }

        private static Entitlement Highest(IReadOnlyList<Entitlement> entitlements, TierSystem system) =>
            entitlements.OrderByDescending(e => e.Tier.Rank).FirstOrDefault() ?? new Entitlement(system.Baseline, null, "the baseline (no entitlement to a higher tier)");

        private static List<Entitlement> Entitlements(TierUser user, TierSystem system, DateTimeOffset now, string? retiring)
        {
            var entitlements = new List<Entitlement>();
            foreach (var tier in system.Tiers.Where(t => !Suspended(user, t, now)))
            {
                var held = user.Delivered(tier).ToList();
                var delivered = held.Where(a => !string.Equals(a.PackageId, retiring, StringComparison.OrdinalIgnoreCase)).ToList();
                if (delivered.Count > 0)
                {
                    // Of several assignments, the one that lasts longest holds the tier.
                    var ends = delivered.Any(a => a.EndsAt == null) ? null : delivered.Max(a => a.EndsAt);
                    entitlements.Add(new Entitlement(tier, ends, ends == null ? $"an assignment of {tier.Name}" : $"an assignment of {tier.Name} until {ends:yyyy-MM-dd HH:mm} UTC"));
                }
                else if (user.IsMember(tier) && tier.IsDynamic)
                {
                    entitlements.Add(new Entitlement(tier, null, $"{tier.Name}'s dynamic rule"));
                }
                else if (user.IsMember(tier) && !tier.IsBaseline && held.Count == 0 && !user.Leaving(tier).Any())
                {
                    entitlements.Add(new Entitlement(tier, null, $"a membership of {tier.Name} that no access package assignment governs") { Ungoverned = true });
                }
            }

            return entitlements;
        }

        /// <summary>
        /// The tier a temporary move left, while the move runs and its own tier is delivered: that tier's assignment is still
        /// live when the move's delivery came after the move stopped waiting, and as the higher entitlement it would undo the move.
        /// </summary>
        private static bool Suspended(TierUser user, LifecycleTier tier, DateTimeOffset now)
        {
            var marker = user.Return;
            return marker != null && now < marker.Until && string.Equals(marker.ReturnTierGroupId, tier.Id, StringComparison.OrdinalIgnoreCase)
                && user.Assignments.Any(a => a.IsDelivered && !a.Removing && string.Equals(a.PackageId, marker.TemporaryPackageId, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>One claim on a tier, and until when it lasts.</summary>
        private sealed class Entitlement
        {
            public Entitlement(LifecycleTier tier, DateTimeOffset? endsAt, string why)
            {
                Tier = tier;
                EndsAt = endsAt;
                Why = why;
            }

            public LifecycleTier Tier { get; }

            public DateTimeOffset? EndsAt { get; }

            public string Why { get; }

            public bool Ungoverned { get; set; }
        }
    }
}
