using System;
using System.Linq;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>A tier move as the commands write it.</summary>
    internal static class TierMoveResults
    {
        public static TierMoveResult From(TierMove move, Guid? correlationId) => new TierMoveResult
        {
            UserId = Guid.Parse(move.User.Id),
            UserPrincipalName = move.User.UserPrincipalName,
            FromTier = move.From?.Name ?? "",
            ToTier = move.To.Name,
            Outcome = move.Outcome,
            Steps = (move.Outcome == TierMoveOutcome.Planned ? move.Plan : move.Done).ToArray(),
            Started = move.Started,
            Finished = move.Finished,
            GapAvoided = move.GapAvoided && move.Outcome != TierMoveOutcome.Planned && move.Outcome != TierMoveOutcome.Failed,
            GapSeconds = move.GapSeconds,
            Detail = move.Detail.Length > 0 ? move.Detail : Planned(move),
            Remedy = move.Remedy,
            CorrelationId = correlationId,
        };

        private static string Planned(TierMove move) => move.Outcome == TierMoveOutcome.Planned
            ? $"Would move the user to {move.To.Name} ({move.Goal.Why}){(move.GapSeconds != null ? $"; the user has held no licence for {TimeSpan.FromSeconds(move.GapSeconds.Value):g}" : "")}."
            : "";
    }
}
