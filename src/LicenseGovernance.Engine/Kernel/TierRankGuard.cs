using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// -Tier is a tier everywhere, never a rank. A whole number that names no tier was meant as a rank (New-LicenseTierGroup
    /// used to take it as -Tier): it gets its own error naming the tier of that rank, instead of "not found". It is not
    /// resolved to that tier, since a group may be named "3" and a rank guessed wrong would move the wrong licences.
    /// </summary>
    internal static class TierRankGuard
    {
        /// <summary>The error for a rank given as -Tier, naming the tier of that rank; null when <paramref name="value"/> is not a whole number.</summary>
        public static GovernanceError? RankGiven(string value, Func<int, string?> tierOfRank) =>
            IsWholeNumber(value, out var rank) ? Errors.TierGivenAsRank(value.Trim(), rank, tierOfRank(rank)) : null;

        public static GovernanceError? RankGiven(string value, IEnumerable<TierGroupState> tiers) =>
            RankGiven(value, rank => tiers.FirstOrDefault(t => t.Record?.Tier == rank)?.Name);

        public static bool IsWholeNumber(string value, out int rank) => int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out rank);
    }
}
