using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Get-LicenseTierGroup -Name: names with PowerShell-style wildcards (* and ?) or ids; a plain name that matches nothing is an error.</summary>
    internal static class TierNameFilter
    {
        public static bool Matches(IEnumerable<string> patterns, TierGroupState tier, ISet<string> matched)
        {
            var any = false;
            foreach (var pattern in patterns)
            {
                var hit = Guid.TryParse(pattern, out var id) ? tier.Id == id : Kernel.WildcardPattern.IsMatch(pattern, tier.Name);
                if (hit)
                {
                    matched.Add(pattern);
                    any = true;
                }
            }

            return any;
        }

        /// <summary>Plain names (no wildcard) that named no tier: those deserve an error; an empty wildcard match does not.</summary>
        public static IEnumerable<string> Unmatched(IEnumerable<string>? patterns, ISet<string> matched) =>
            (patterns ?? Enumerable.Empty<string>()).Where(p => !matched.Contains(p) && !Kernel.WildcardPattern.HasWildcard(p));

        public static IEnumerable<string> Names(IEnumerable<TierGroupState> tiers) => tiers.Select(t => t.Name);
    }
}
