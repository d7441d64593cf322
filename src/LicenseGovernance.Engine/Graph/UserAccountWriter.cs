using System;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// A user's sign-in: accountEnabled (journaled with before and after, so Undo-LicenseChange turns it back) and the
    /// revocation of the sessions already issued (journaled, not reversible: a revoked token cannot be given back).
    /// Both go out through <see cref="WriteRetryPolicy"/>; <see cref="SendEnabledAsync"/> is the bare call, for Undo.
    /// </summary>
    internal static class UserAccountWriter
    {
        public const string RevokeSessionsOperation = "User.RevokeSignInSessions";

        public const string EnableCapability = "EnableDisableAccount";

        public const string RevokeCapability = "RevokeSessions";

        public static Task SetEnabledAsync(GraphSession session, JournalScope journal, Guid userId, string? userPrincipalName, bool enabled, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.SetAccountEnabled(userId, userPrincipalName, !enabled, enabled),
                () => SendEnabledAsync(session, userId, userPrincipalName, enabled, cancellation), cancellation);

        public static Task<User?> SendEnabledAsync(GraphSession session, Guid userId, string? userPrincipalName, bool enabled, CancellationToken cancellation) =>
            WriteRetryPolicy.CallAsync(session, (enabled ? "enable" : "disable") + " sign-in of " + (userPrincipalName ?? userId.ToString()), EnableCapability,
                (c, configure) => c.Users[userId.ToString()].PatchAsync(new User { AccountEnabled = enabled }, configure, cancellation), cancellation);

        /// <summary>revokeSignInSessions, journaled with the instant sessions were valid from before.</summary>
        public static Task RevokeSessionsAsync(GraphSession session, JournalScope journal, Guid userId, string? userPrincipalName, DateTimeOffset? validFrom, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.Other(RevokeSessionsOperation, "user", userId.ToString(), userPrincipalName, new { signInSessionsValidFromDateTime = validFrom }, new { revoked = true }),
                () => WriteRetryPolicy.CallAsync(session, "revoke the sign-in sessions of " + (userPrincipalName ?? userId.ToString()), RevokeCapability,
                    (c, configure) => c.Users[userId.ToString()].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(configure, cancellation), cancellation),
                cancellation);
    }
}
