using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Remove-TierAccessPackage -Force: the holders of a package being removed, each moved to the tier they hold without it
    /// (their next entitlement, or the baseline) in the same safe order as every tier move, their assignment of the package
    /// ended on the way. The goal of each holder is the reconciler's, with the package's assignments counting for nothing.
    /// </summary>
    internal static class TierPackageRetirement
    {
        /// <summary>Up to this many holders are read by id; more are read with the whole tier system, a page at a time.</summary>
        private const int ReadByIdAtMost = 15;

        private static readonly string[] Target = { "target" };

        /// <summary>Each holder's move as planned, for -WhatIf and the confirmation; writes nothing.</summary>
        public static async Task<List<TierMoveResult>> PlanAsync(GraphSession session, string packageId, IReadOnlyList<LicenseSku> skus, JournalFile journalFile, IGovernanceSink sink)
        {
            var holders = await HoldersAsync(session, packageId, sink).ConfigureAwait(false);
            if (holders.Count == 0)
            {
                return new List<TierMoveResult>();
            }

            var system = await TierSystem.ReadAsync(session, skus, sink.Cancellation).ConfigureAwait(false);
            var moves = await PlanMovesAsync(session, system, packageId, holders, journalFile, sink).ConfigureAwait(false);
            return moves.Select(m => TierMoveResults.From(m, null)).ToList();
        }

        /// <summary>Moves every holder under the tier lease, planned afresh from the tenant; one result per holder.</summary>
        public static async Task<List<TierMoveResult>> MoveAsync(GraphSession session, string packageId, IReadOnlyList<LicenseSku> skus, JournalScope journal, JournalFile journalFile, TimeSpan waitTimeout, IGovernanceSink sink)
        {
            if ((await HoldersAsync(session, packageId, sink).ConfigureAwait(false)).Count == 0)
            {
                return new List<TierMoveResult>();
            }

            var system = await TierSystem.ReadAsync(session, skus, sink.Cancellation).ConfigureAwait(false);
            var lease = await SyncLease.RequireAsync(session, system, "Remove-TierAccessPackage", sink.Cancellation).ConfigureAwait(false);
            try
            {
                // Read again under the lease: a run that held it may have moved some holders meanwhile.
                var holders = await HoldersAsync(session, packageId, sink).ConfigureAwait(false);
                var moves = await PlanMovesAsync(session, system, packageId, holders, journalFile, sink).ConfigureAwait(false);
                var timings = LicenseWatchTimings.Default.WithTimeout(waitTimeout);
                await TierMover.RunAsync(session, moves, journal, timings, () => lease.RenewAsync(sink.Cancellation), sink).ConfigureAwait(false);
                return moves.Select(m => Result(m, journal.CorrelationId)).ToList();
            }
            finally
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
        }

        /// <summary>
        /// A move that stopped is continued by this command, not by Sync-LicenseTier: the reconciler still counts the package's
        /// assignment as an entitlement and would keep the user where the package put them.
        /// </summary>
        private static TierMoveResult Result(TierMove move, Guid correlationId)
        {
            var result = TierMoveResults.From(move, correlationId);
            if (move.Outcome == TierMoveOutcome.Waiting || move.Outcome == TierMoveOutcome.Failed)
            {
                result.Remedy = (move.Outcome == TierMoveOutcome.Failed ? "Fix what Graph reports, then run" : "Run") + " Remove-TierAccessPackage -Force again; it continues from here.";
            }

            return result;
        }

        private static async Task<List<TierMove>> PlanMovesAsync(GraphSession session, TierSystem system, string packageId, HashSet<string> holders, JournalFile journalFile, IGovernanceSink sink)
        {
            var moves = new List<TierMove>();
            if (holders.Count == 0)
            {
                return moves;
            }

            var bridges = TierBridgeJournal.Read(journalFile, session.Context.TenantId, session.Now);
            await TierUserReader.ReadAsync(session, system, TimeSpan.Zero, holders.Count <= ReadByIdAtMost ? holders : null, bridges, user =>
            {
                // A former holder already settled has nothing left to do here.
                var move = holders.Contains(user.Id) ? TierMovePlanner.Plan(user, TierGoal.For(user, system, session.Now, TimeSpan.Zero, packageId), system, session.Now) : null;
                if (move != null && move.Kind != TierMoveKind.None)
                {
                    moves.Add(move);
                }
            }, sink).ConfigureAwait(false);
            return moves;
        }

        /// <summary>
        /// The ids (lower case) of the users with a live assignment of the package (delivered, or still being delivered), and of
        /// those whose assignment ended recently: an earlier run that stopped may have left their move half done.
        /// </summary>
        private static async Task<HashSet<string>> HoldersAsync(GraphSession session, string packageId, IGovernanceSink sink)
        {
            var since = session.Now - TierUserReader.RecentlyEnded;
            var assignments = await AccessPackageDirectory.AssignmentsAsync(session, packageId, null, a => AccessPackageDirectory.IsLive(a) || a.ExpiredDateTime >= since, sink.Cancellation, Target).ConfigureAwait(false);
            return new HashSet<string>(assignments.Select(a => (a.Target?.ObjectId ?? a.Target?.Id)!).Where(id => id != null).Select(id => id.ToLowerInvariant()), StringComparer.OrdinalIgnoreCase);
        }
    }
}
