using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// One user's move to their desired tier: what the planner decided from the tenant, and what the mover has done of it.
    /// Every field is re-derived on every run, so a run that stopped anywhere is continued by the next.
    /// </summary>
    internal sealed class TierMove
    {
        public TierMove(TierUser user, TierGoal goal, LifecycleTier? from, IReadOnlyList<DirectLicense> direct)
        {
            User = user;
            Goal = goal;
            From = from;
            Direct = direct.ToList();
        }

        public TierUser User { get; }

        public TierGoal Goal { get; }

        public LifecycleTier To => Goal.Tier;

        /// <summary>The tier the user is leaving (the highest they are in besides the desired one); null when none.</summary>
        public LifecycleTier? From { get; }

        public TierMoveKind Kind { get; set; }

        public bool Exclusive { get; set; }

        /// <summary>The user's direct licences of tier SKUs, kept up to date as the mover changes them (for the journal's before).</summary>
        public List<DirectLicense> Direct { get; }

        /// <summary>Direct copies to add before anything is taken away.</summary>
        public List<DirectLicense> Bridge { get; } = new List<DirectLicense>();

        public List<LifecycleTier> Leave { get; } = new List<LifecycleTier>();

        /// <summary>Assignments of a package being removed that leaving a tier does not end: the tier stays through another claim.</summary>
        public List<(LifecycleTier Tier, HeldAssignment Assignment)> End { get; } = new List<(LifecycleTier, HeldAssignment)>();

        /// <summary>Groups whose licences must be gone before the swap (those left, and any still fading from an earlier run).</summary>
        public List<LifecycleTier> WaitGone { get; } = new List<LifecycleTier>();

        public List<DirectLicense> SwapAdd { get; } = new List<DirectLicense>();

        public List<Guid> SwapRemove { get; } = new List<Guid>();

        public TierJoin Join { get; set; }

        /// <summary>The desired tier's package was requested in this run.</summary>
        public bool Requested { get; set; }

        /// <summary>Direct licences to remove once the desired tier's licences are active from its group.</summary>
        public List<DirectLicense> RemoveAfter { get; } = new List<DirectLicense>();

        /// <summary>The steps as planned, in order, for -WhatIf and the confirmation.</summary>
        public List<string> Plan { get; } = new List<string>();

        /// <summary>The steps done, in order.</summary>
        public List<string> Done { get; } = new List<string>();

        public TierMoveOutcome Outcome { get; set; } = TierMoveOutcome.Planned;

        public string Detail { get; set; } = "";

        public string Remedy { get; set; } = "";

        public DateTimeOffset? Started { get; set; }

        public DateTimeOffset? Finished { get; set; }

        public bool GapAvoided { get; set; }

        public double? GapSeconds { get; set; }

        /// <summary>Waiting or failed: no later phase touches the user in this run.</summary>
        public bool Stopped => Outcome == TierMoveOutcome.Waiting || Outcome == TierMoveOutcome.Failed || Outcome == TierMoveOutcome.Skipped;

        /// <summary>The mover has something to do for the user (a user waiting for a delivery may need a bridge meanwhile).</summary>
        public bool HasWork => Kind == TierMoveKind.LookAheadBridge || Kind == TierMoveKind.CleanUp || Kind == TierMoveKind.Exclusive || Kind == TierMoveKind.NonExclusive
            || (Kind == TierMoveKind.Waiting && Bridge.Count > 0 && !Stopped);

        public string Description =>
            $"Move from {(From == null ? "no tier" : From.Name)} to {To.Name} ({Goal.Why}): " + string.Join("; ", Plan);

        public void Wait(string detail, string remedy)
        {
            Outcome = TierMoveOutcome.Waiting;
            Detail = detail;
            Remedy = remedy;
        }

        /// <summary>
        /// An access package assignment is still being delivered, so nothing that depends on it moves. A user waiting with a
        /// bridge to add first waits once the mover has added it; any other waits at once.
        /// </summary>
        public void WaitForDelivery(string detail)
        {
            const string remedy = "Run Sync-LicenseTier again once it is delivered (Get-TierAssignment shows its state); it finishes the move. " +
                "One still delivering after hours has stalled: Entra retries it, or end it with Remove-TierAssignment and run the move again.";
            if (Kind == TierMoveKind.Waiting && Bridge.Count > 0)
            {
                (Detail, Remedy) = (detail, remedy);
            }
            else
            {
                Wait(detail, remedy);
            }
        }

        public void Fail(string detail, string remedy)
        {
            Outcome = TierMoveOutcome.Failed;
            Detail = detail;
            Remedy = remedy;
        }

        /// <summary>The direct licences after a change, so the next change journals the right "before".</summary>
        public void Changed(IEnumerable<DirectLicense> added, IEnumerable<Guid> removed)
        {
            Direct.RemoveAll(d => removed.Contains(d.SkuId) || added.Any(a => a.SkuId == d.SkuId));
            Direct.AddRange(added);
        }
    }
}
