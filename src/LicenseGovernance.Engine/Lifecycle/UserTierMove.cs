using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Move-UserLicenseTier: an administrator's upgrade or downgrade of one user, through the tier's access package (so the
    /// change keeps an owner and an end date) and in the same safe order as the reconciler. A move with an end date away
    /// from a tier above the baseline records where the user returns to, so the reconciler brings them back when it ends.
    /// </summary>
    internal static class UserTierMove
    {
        private static readonly TimeSpan NoLookAhead = TimeSpan.Zero;

        public static async Task<UserTierMovePlan> PlanAsync(GraphSession session, MoveUserLicenseTierRequest request, IReadOnlyList<LicenseSku> skus, JournalFile journalFile, IGovernanceSink sink)
        {
            if (request.WaitTimeoutSeconds < 0 || request.WaitTimeoutSeconds > SyncLicenseTierRequest.MaxWaitTimeoutSeconds)
            {
                throw Errors.TierWaitTimeoutInvalid(request.WaitTimeoutSeconds, SyncLicenseTierRequest.MaxWaitTimeoutSeconds).ToException();
            }

            var system = await TierSystem.ReadAsync(session, skus, sink.Cancellation).ConfigureAwait(false);
            var to = system.Find(request.Tier.Trim())
                ?? throw (TierRankGuard.RankGiven(request.Tier, rank => system.Tiers.FirstOrDefault(t => t.Rank == rank)?.Name)
                    ?? Errors.GroupNotFound(request.Tier, NameMatcher.Closest(request.Tier, system.Tiers.Select(t => t.Name)))).ToException();
            var (move, marker) = await ResolveAsync(session, system, to, request.User, request.EndDate, request.Justification, journalFile, sink).ConfigureAwait(false);
            return new UserTierMovePlan
            {
                UserId = Guid.Parse(move.User.Id), UserPrincipalName = move.User.Label, FromTier = move.From?.Name ?? "", ToTier = to.Name, ToTierGroupId = Guid.Parse(to.Id),
                EndDate = request.EndDate, Justification = request.Justification, WaitTimeoutSeconds = request.WaitTimeoutSeconds,
                Steps = (marker == null ? new List<string>() : new List<string> { $"record that the user returns to {system.Tier(marker.ReturnTierGroupId)!.Name} at {marker.Until:yyyy-MM-dd HH:mm} UTC" }).Concat(move.Plan).ToList(),
                Warnings = Warnings(move),
            };
        }

        public static async Task<TierMoveResult> ApplyAsync(GraphSession session, UserTierMovePlan plan, IReadOnlyList<LicenseSku> skus, JournalScope journal, JournalFile journalFile, IGovernanceSink sink)
        {
            var system = await TierSystem.ReadAsync(session, skus, sink.Cancellation).ConfigureAwait(false);
            var to = system.Tier(plan.ToTierGroupId.ToString()) ?? throw Errors.GroupNotFound(plan.ToTier, Array.Empty<string>()).ToException();
            var lease = await SyncLease.RequireAsync(session, system, "Move-UserLicenseTier " + plan.UserPrincipalName, sink.Cancellation).ConfigureAwait(false);
            try
            {
                var (move, marker) = await ResolveAsync(session, system, to, plan.UserId.ToString(), plan.EndDate, plan.Justification, journalFile, sink).ConfigureAwait(false);
                if (marker != null)
                {
                    await marker.WriteAsync(session, journal, move.User, sink.Cancellation).ConfigureAwait(false);
                    move.Done.Add("recorded the return to " + system.Tier(marker.ReturnTierGroupId)!.Name);
                }

                var timings = LicenseWatchTimings.Default.WithTimeout(TimeSpan.FromSeconds(plan.WaitTimeoutSeconds));
                await TierMover.RunAsync(session, new[] { move }, journal, timings, () => lease.RenewAsync(sink.Cancellation), sink).ConfigureAwait(false);
                return Result(move, journal.CorrelationId);
            }
            finally
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
        }

        /// <summary>The user as the tenant has them, the move to <paramref name="to"/> in the safe order, and the return to record.</summary>
        private static async Task<(TierMove Move, TierReturn? Marker)> ResolveAsync(GraphSession session, TierSystem system, LifecycleTier to, string user, DateTimeOffset? end, string? justification, JournalFile journalFile, IGovernanceSink sink)
        {
            var bridges = TierBridgeJournal.Read(journalFile, session.Context.TenantId, session.Now);
            // The reader reports an unknown user as an error and goes on; here an unknown user is the one error, thrown below.
            var read = new List<TierUser>();
            await TierUserReader.ReadAsync(session, system, NoLookAhead, new[] { user.Trim() }, bridges, read.Add, new CollectingSink(sink.Cancellation)).ConfigureAwait(false);
            var target = read.FirstOrDefault() ?? throw Errors.UserNotFound(user).ToException();
            var package = PackageFor(to, end);
            await CheckEndAsync(session, to, package, end, sink).ConfigureAwait(false);
            var move = TierMovePlanner.Plan(target, TierGoal.Given(to, package, end, justification), system, session.Now);
            if (move.Kind == TierMoveKind.Blocked || move.Kind == TierMoveKind.Waiting)
            {
                throw Errors.TierMoveBlocked(target.Label, move.Detail + " " + move.Remedy).ToException();
            }

            return (move, end == null || move.Kind == TierMoveKind.None ? null : ReturnOf(target, move.From, package, end.Value));
        }

        /// <summary>The package to request: every tier above the baseline is joined through its own; the baseline only to carry an end date.</summary>
        internal static Microsoft.Graph.Models.AccessPackage? PackageFor(LifecycleTier to, DateTimeOffset? end)
        {
            if (to.Package == null && !to.IsBaseline)
            {
                throw Errors.TierNeedsAccessPackage(to.Name, "an administrator's move goes through it, so the tier keeps an owner and an end date.").ToException();
            }

            if (to.Package == null && end != null)
            {
                throw Errors.TierNeedsAccessPackage(to.Name, "-EndDate is kept on an access package assignment.").ToException();
            }

            return to.IsBaseline && end == null ? null : to.Package;
        }

        internal static async Task CheckEndAsync(GraphSession session, LifecycleTier to, Microsoft.Graph.Models.AccessPackage? package, DateTimeOffset? end, IGovernanceSink sink)
        {
            if (package == null)
            {
                return;
            }

            var policies = await AccessPackageDirectory.PoliciesAsync(session, package.Id!, sink.Cancellation).ConfigureAwait(false);
            var policy = AccessPackageDirectory.OwnPolicy(policies) ?? policies.FirstOrDefault()
                ?? throw Errors.TierNeedsAccessPackage(to.Name, $"its package {package.DisplayName} has no assignment policy; run New-TierAccessPackage for it.").ToException();
            AssignmentSchedule.Check(package.DisplayName ?? package.Id!, policy, end, session.Now);
        }

        /// <summary>A temporary move away from a tier above the baseline returns to it; from the baseline, the reconciler falls back there anyway.</summary>
        internal static TierReturn? ReturnOf(TierUser user, LifecycleTier? from, Microsoft.Graph.Models.AccessPackage? package, DateTimeOffset until)
        {
            if (from == null || from.IsBaseline)
            {
                return null;
            }

            var held = user.Delivered(from).OrderByDescending(a => a.EndsAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
            if (held?.EndsAt <= until)
            {
                // The claim on the old tier ends before the temporary move does (or is ending now): there is nothing to return to.
                return null;
            }

            return new TierReturn
            {
                ReturnTierGroupId = from.Id,
                ReturnPackageId = held?.PackageId ?? from.Package?.Id,
                ReturnEndDate = held?.EndsAt,
                TemporaryPackageId = package?.Id,
                Until = until,
            };
        }

        private static List<string> Warnings(TierMove move)
        {
            var warnings = new List<string>();
            if (move.Join != TierJoin.RequestPackage && move.Goal.RequestEnd != null && move.User.Live(move.To).Any())
            {
                warnings.Add($"{move.User.Label} already holds {move.To.Name} through an access package assignment; it keeps its own end date (-EndDate is not applied to it).");
            }

            if (move.Detail.Length > 0)
            {
                warnings.Add(move.Detail);
            }

            return warnings;
        }

        private static TierMoveResult Result(TierMove move, Guid correlationId)
        {
            if (move.Kind == TierMoveKind.None)
            {
                move.Outcome = TierMoveOutcome.Skipped;
                move.Detail = $"The user holds exactly {move.To.Name} already; nothing was changed.";
            }
            else if (move.Outcome == TierMoveOutcome.Waiting && move.Join == TierJoin.RequestPackage && !move.Requested)
            {
                // Until the new tier's package is requested, the reconciler knows nothing of the move and would settle the user where they were.
                move.Remedy = "Run the same Move-UserLicenseTier command again; it continues from here.";
            }

            return TierMoveResults.From(move, correlationId);
        }
    }
}
