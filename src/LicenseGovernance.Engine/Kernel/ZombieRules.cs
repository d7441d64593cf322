using System;
using System.Collections.Generic;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>The decision, kept apart from Graph so it can be read and tested on its own.</summary>
    internal static class ZombieRules
    {
        public const string SuccessfulField = "lastSuccessfulSignInDateTime";
        public const string InteractiveField = "lastSignInDateTime";
        public const string NonInteractiveField = "lastNonInteractiveSignInDateTime";
        public const string NoSignIn = "None";
        public const string NotRead = "Unavailable";

        /// <summary>
        /// The last successful sign-in when Graph recorded one; otherwise (it is only filled since December 2023) the later of
        /// the last interactive and non-interactive sign-ins. Null with <see cref="NoSignIn"/> when nothing is recorded.
        /// </summary>
        public static (DateTimeOffset? When, string Source) LastSignIn(Microsoft.Graph.Models.SignInActivity? activity)
        {
            if (activity == null)
            {
                return (null, NoSignIn);
            }

            if (activity.LastSuccessfulSignInDateTime.HasValue)
            {
                return (activity.LastSuccessfulSignInDateTime, SuccessfulField);
            }

            var interactive = activity.LastSignInDateTime;
            var nonInteractive = activity.LastNonInteractiveSignInDateTime;
            if (interactive.HasValue && (!nonInteractive.HasValue || interactive >= nonInteractive))
            {
                return (interactive, InteractiveField);
            }

            return nonInteractive.HasValue ? (nonInteractive, NonInteractiveField) : ((DateTimeOffset?)null, NoSignIn);
        }

        /// <summary>Every reason that applies, in the enum's order. Sign-in and leave-date reasons are judged only when those were read.</summary>
        public static List<ZombieReason> Reasons(bool accountEnabled, DateTimeOffset? leave, bool leaveRead, DateTimeOffset? lastSignIn, bool signInRead,
            DateTimeOffset? created, DateTimeOffset now, int inactiveDays)
        {
            var reasons = new List<ZombieReason>();
            if (!accountEnabled)
            {
                reasons.Add(ZombieReason.Disabled);
            }

            if (leaveRead && leave.HasValue && leave.Value <= now)
            {
                reasons.Add(ZombieReason.Departed);
            }

            if (signInRead)
            {
                var threshold = now.AddDays(-inactiveDays);

                // A new account has as long as the inactivity threshold to be used before it counts.
                var graceOver = !created.HasValue || created.Value <= threshold;
                if (!lastSignIn.HasValue)
                {
                    if (graceOver)
                    {
                        reasons.Add(ZombieReason.NeverSignedIn);
                    }
                }
                else if (lastSignIn.Value < threshold && graceOver)
                {
                    reasons.Add(ZombieReason.Inactive);
                }
            }

            return reasons;
        }
    }
}
