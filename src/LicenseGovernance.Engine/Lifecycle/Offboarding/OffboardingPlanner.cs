using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// Plans the steps before the licences, in their order: block sign-in, revoke sessions, check the holds, the mailbox
    /// shared, the OneDrive handed to the manager, the pending requests cancelled. Each is planned from the facts read (and
    /// the journal, for what leaves no trace in the tenant), so a run after an interruption does only what is left.
    /// </summary>
    internal static class OffboardingPlanner
    {
        /// <summary>Microsoft's policy for unlicensed OneDrive accounts, as its documentation states it (see the cmdlet's help).</summary>
        public const string OneDriveRetention =
            "Microsoft archives a OneDrive that has been unlicensed for more than 93 days (billed through Microsoft 365 Archive), or deletes it when that " +
            "billing is off and no retention policy or hold keeps it (learn.microsoft.com/sharepoint/unlicensed-onedrive-accounts): the manager should " +
            "move what must stay before then.";

        public static IEnumerable<OffboardingStepPlan> Plan(OffboardingContext context, OffboardingFacts facts)
        {
            yield return DisableSignIn(context, facts);
            yield return RevokeSessions(context, facts);
            yield return LegalHold(facts);
            yield return Mailbox(context, facts);
            yield return OneDrive(context, facts);
            yield return PendingRequests(context, facts);
        }

        private static OffboardingStepPlan DisableSignIn(OffboardingContext context, OffboardingFacts facts) => !facts.AccountEnabled
            ? OffboardingStepPlan.Settled(OffboardingStepKind.DisableSignIn, OffboardingStepStatus.AlreadyDone, "Sign-in is blocked already (accountEnabled false).")
            : OffboardingStepPlan.Change(OffboardingStepKind.DisableSignIn, "block sign-in (accountEnabled false)", async journal =>
            {
                await UserAccountWriter.SetEnabledAsync(context.Session, journal, facts.UserId, facts.UserPrincipalName, false, context.Sink.Cancellation).ConfigureAwait(false);
                return "Sign-in blocked (accountEnabled false).";
            });

        /// <summary>
        /// Revoking leaves no state to read but the sessions' new start, so the journal says whether it was done since the
        /// account was last enabled; a revocation whose answer was lost counts when the tenant's sessions start after it was sent.
        /// </summary>
        private static OffboardingStepPlan RevokeSessions(OffboardingContext context, OffboardingFacts facts)
        {
            var validFrom = facts.User.SignInSessionsValidFromDateTime;
            var revoked = facts.History.Revocation;
            if (revoked != null && (revoked.Status == LicenseChangeStatus.Succeeded || validFrom >= revoked.Time))
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.RevokeSessions, OffboardingStepStatus.AlreadyDone, $"Sessions were revoked by this offboarding; tokens issued before {validFrom:u} are invalid.");
            }

            return OffboardingStepPlan.Change(OffboardingStepKind.RevokeSessions, "revoke every sign-in session (revokeSignInSessions)", async journal =>
            {
                await UserAccountWriter.RevokeSessionsAsync(context.Session, journal, facts.UserId, facts.UserPrincipalName, validFrom, context.Sink.Cancellation).ConfigureAwait(false);
                return "Sessions revoked: refresh tokens and session cookies issued until now no longer work.";
            });
        }

        private static OffboardingStepPlan LegalHold(OffboardingFacts facts)
        {
            if (facts.HoldsUnreadable != null)
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.LegalHold, OffboardingStepStatus.Refused,
                    "The eDiscovery legal holds could not be read (" + facts.HoldsUnreadable + "), so the mailbox licence stays.",
                    "Grant eDiscovery.Read.All (Test-LicenseGovernancePermission lists it), then run Start-LicenseOffboarding again.");
            }

            return OffboardingStepPlan.Settled(OffboardingStepKind.LegalHold, OffboardingStepStatus.Done, facts.Holds.Count == 0
                ? "No eDiscovery legal hold (or Exchange hold) holds the user."
                : "On hold: " + string.Join("; ", facts.Holds) + ". The Exchange Online licence stays while the hold lasts, so the held mailbox and OneDrive stay under the hold as they are.");
        }

        private static OffboardingStepPlan Mailbox(OffboardingContext context, OffboardingFacts facts)
        {
            const OffboardingStepKind kind = OffboardingStepKind.Mailbox;
            if (facts.MailboxUnreadable != null)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.Refused, "The mailbox settings could not be read (" + facts.MailboxUnreadable + "), so the mailbox licence stays.",
                    "Grant MailboxSettings.Read, then run Start-LicenseOffboarding again.");
            }

            if (facts.MailboxPurpose == null && facts.ExchangeMailbox == null)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.Skipped, "The user has no mailbox.");
            }

            if (facts.Shared)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.AlreadyDone, "The mailbox is shared (mailboxSettings.userPurpose shared): it needs no licence and keeps its mail.");
            }

            var exchange = context.Request.Exchange;
            if (exchange != null && context.Request.ConvertMailboxToShared)
            {
                return OffboardingStepPlan.Change(kind, "convert the mailbox to shared in Exchange Online (Set-Mailbox -Type Shared)", async journal =>
                {
                    await journal.RunAsync(ChangeIntents.Other(ChangeIntents.MailboxConvertedToShared, "user", facts.UserId.ToString(), facts.UserPrincipalName,
                        new { type = facts.ExchangeMailbox?.RecipientTypeDetails ?? facts.MailboxPurpose }, new { type = "SharedMailbox" }),
                        () =>
                        {
                            exchange.ConvertToShared(facts.UserPrincipalName);
                            return Task.CompletedTask;
                        }, context.Sink.Cancellation).ConfigureAwait(false);
                    return "Mailbox converted to shared (Set-Mailbox -Type Shared): it keeps its mail without a licence.";
                });
            }

            return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.Waiting,
                $"The mailbox is a {facts.MailboxPurpose ?? facts.ExchangeMailbox!.RecipientTypeDetails} mailbox. Taking its licence before it is shared would delete it after the grace period, so its licence stays.",
                exchange != null
                    ? $"Run again with -ConvertMailboxToShared, or run Set-Mailbox -Identity '{facts.UserPrincipalName}' -Type Shared yourself, then run Start-LicenseOffboarding -User '{facts.UserPrincipalName}' again."
                    : $"In Exchange Online PowerShell: Connect-ExchangeOnline; Set-Mailbox -Identity '{facts.UserPrincipalName}' -Type Shared; " +
                      $"Get-Mailbox -Identity '{facts.UserPrincipalName}' | Format-List RecipientTypeDetails,LitigationHoldEnabled,InPlaceHolds. Then run Start-LicenseOffboarding -User '{facts.UserPrincipalName}' " +
                      "again: the mailbox licence goes once mailboxSettings.userPurpose reads shared.");
        }

        private static OffboardingStepPlan OneDrive(OffboardingContext context, OffboardingFacts facts)
        {
            const OffboardingStepKind kind = OffboardingStepKind.OneDrive;
            if (facts.DriveUnreadable != null)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.Refused, "The OneDrive could not be read (" + facts.DriveUnreadable + "), so no licence goes.",
                    "Grant Files.ReadWrite.All, then run Start-LicenseOffboarding again.");
            }

            if (facts.DriveId == null)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.Skipped, "The user has no OneDrive.");
            }

            if (facts.Manager == null)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.Refused, "Nobody takes over the OneDrive: the user has no manager in Entra ID and -Manager was not given, so no licence goes.",
                    $"Run Start-LicenseOffboarding -User '{facts.UserPrincipalName}' -Manager <who takes over the files> again.");
            }

            var manager = facts.Manager.UserPrincipalName ?? facts.Manager.Id!;
            if (facts.ManagerHasAccess)
            {
                return OffboardingStepPlan.Settled(kind, OffboardingStepStatus.AlreadyDone, $"{manager} can write to the OneDrive already. " + OneDriveRetention);
            }

            var email = facts.Manager.Mail ?? manager;
            return OffboardingStepPlan.Change(kind, $"give {manager} write access to the OneDrive (" + (context.Request.SendOneDriveInvitation ? "with" : "without") + " a sharing e-mail)", async journal =>
            {
                await UserDataWriter.InviteAsync(context.Session, journal, facts.DriveId, facts.UserId, facts.UserPrincipalName, email, "write", context.Request.SendOneDriveInvitation, context.Sink.Cancellation).ConfigureAwait(false);
                return $"{manager} can write to the OneDrive. " + OneDriveRetention;
            });
        }

        private static OffboardingStepPlan PendingRequests(OffboardingContext context, OffboardingFacts facts)
        {
            if (facts.PendingRequests.Count == 0)
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.PendingRequests, OffboardingStepStatus.Skipped, "No access package request of the user waits for approval.");
            }

            var names = string.Join(", ", facts.PendingRequests.Select(r => "'" + (r.Package ?? r.Id.ToString()) + "'"));
            return OffboardingStepPlan.Change(OffboardingStepKind.PendingRequests, "cancel the pending access package request(s) " + names, async journal =>
            {
                foreach (var (id, package) in facts.PendingRequests)
                {
                    await AccessPackageAssignmentWriter.CancelRequestAsync(context.Session, journal, id, facts.UserId, facts.UserPrincipalName, package, context.Sink.Cancellation).ConfigureAwait(false);
                }

                return "Cancelled the pending request(s) " + names + ".";
            });
        }
    }
}
