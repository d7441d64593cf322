using System;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>Sign-in activity as Graph records it, for the seeders.</summary>
    internal static class SeedSignIns
    {
        /// <summary>Graph fills lastSuccessfulSignInDateTime only from this date on, with no backfill.</summary>
        public static readonly DateTimeOffset SuccessfulSignInTrackingStart = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>
        /// The activity of a user whose last interactive attempt, last non-interactive sign-in and last success are given; the
        /// success shows only when it is after <see cref="SuccessfulSignInTrackingStart"/>, with the interactive request's id.
        /// </summary>
        public static SignInActivity Activity(DeterministicIds ids, DateTimeOffset lastInteractive, DateTimeOffset lastNonInteractive, DateTimeOffset lastSuccess)
        {
            var activity = new SignInActivity
            {
                LastSignInDateTime = lastInteractive,
                LastSignInRequestId = ids.Next().ToString(),
                LastNonInteractiveSignInDateTime = lastNonInteractive,
                LastNonInteractiveSignInRequestId = ids.Next().ToString(),
            };
            if (lastSuccess >= SuccessfulSignInTrackingStart)
            {
                activity.LastSuccessfulSignInDateTime = lastSuccess;
                activity.LastSuccessfulSignInRequestId = activity.LastSignInRequestId;
            }

            return activity;
        }
    }
}
