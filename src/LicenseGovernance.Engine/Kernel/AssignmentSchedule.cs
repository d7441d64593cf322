using System;
using System.Globalization;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// When an administrator's access package assignment may end under its policy: an end the caller asks for must lie in the
    /// future and within the policy's maximum, since entitlement management refuses anything else (and an admin's assignment
    /// expires too).
    /// </summary>
    internal static class AssignmentSchedule
    {
        /// <summary>The latest end the policy allows for an assignment starting <paramref name="now"/>; null when it never expires.</summary>
        public static DateTimeOffset? LatestEnd(AccessPackageAssignmentPolicy policy, DateTimeOffset now) => policy.Expiration?.Type switch
        {
            ExpirationPatternType.AfterDuration => now + (policy.Expiration.Duration ?? TimeSpan.Zero),
            ExpirationPatternType.AfterDateTime => policy.Expiration.EndDateTime,
            _ => (DateTimeOffset?)null,
        };

        /// <summary>Throws TierAssignmentEndInvalid when <paramref name="end"/> is past or beyond what the policy allows; returns the policy's latest end.</summary>
        public static DateTimeOffset? Check(string package, AccessPackageAssignmentPolicy policy, DateTimeOffset? end, DateTimeOffset now)
        {
            var max = LatestEnd(policy, now);
            if (end != null && end <= now)
            {
                throw Errors.TierAssignmentEndInvalid(package, "the end date must be in the future.").ToException();
            }

            // A minute of slack: the service computes "now plus the policy's duration" a moment after this does.
            if (end != null && max != null && end > max.Value.AddMinutes(1))
            {
                throw Errors.TierAssignmentEndInvalid(package, $"its policy allows at most {Describe(policy.Expiration)} (until {max:yyyy-MM-dd}); an administrator's assignment expires too.").ToException();
            }

            return max;
        }

        /// <summary>A policy's expiration in words: "180 days", "Until 2027-01-31" or "Never".</summary>
        public static string Describe(ExpirationPattern? e) => e?.Type switch
        {
            ExpirationPatternType.AfterDuration => (e.Duration?.TotalDays ?? 0).ToString("0", CultureInfo.InvariantCulture) + " days",
            ExpirationPatternType.AfterDateTime => "Until " + e.EndDateTime?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "Never",
        };
    }
}
