using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;
using DriveInviteBody = Microsoft.Graph.Drives.Item.Items.Item.Invite.InvitePostRequestBody;
using MeSendMailBody = Microsoft.Graph.Me.SendMail.SendMailPostRequestBody;
using UserSendMailBody = Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// The writes that hand a leaver's data on: sharing the root of their OneDrive (driveItem invite) and mail (sendMail).
    /// Journaled first, with what they grant or send, and sent through <see cref="WriteRetryPolicy"/>. Undo does not
    /// reverse them: the access given and the mail sent are reported, not taken back.
    /// </summary>
    internal static class UserDataWriter
    {
        public const string DriveInviteOperation = "Drive.Invite";

        public const string SendMailOperation = "Mail.Send";

        public const string FilesCapability = "ShareUserFiles";

        public const string MailCapability = "SendMail";

        /// <summary>Gives <paramref name="recipientEmail"/> the role on the drive's root, signing in required, the sharing e-mail only when asked.</summary>
        public static Task InviteAsync(GraphSession session, JournalScope journal, string driveId, Guid ownerId, string? ownerName, string recipientEmail, string role, bool sendInvitation, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.Other(DriveInviteOperation, "user", ownerId.ToString(), ownerName, null,
                    new { driveId, recipient = recipientEmail, roles = new[] { role }, requireSignIn = true, sendInvitation }),
                () => WriteRetryPolicy.CallAsync(session, $"give {recipientEmail} {role} access to the OneDrive of {ownerName ?? ownerId.ToString()}", FilesCapability,
                    (c, configure) => c.Drives[driveId].Items["root"].Invite.PostAsInvitePostResponseAsync(new DriveInviteBody
                    {
                        Recipients = new List<DriveRecipient> { new DriveRecipient { Email = recipientEmail } },
                        Roles = new List<string> { role },
                        RequireSignIn = true,
                        SendInvitation = sendInvitation,
                    }, configure, cancellation), cancellation),
                cancellation);

        /// <summary>
        /// A plain-text mail: from the signed-in user's mailbox (/me/sendMail) when <paramref name="sender"/> is null, from
        /// <paramref name="sender"/>'s (/users/{id}/sendMail) otherwise, as an application must.
        /// </summary>
        public static Task SendMailAsync(GraphSession session, JournalScope journal, string? sender, string to, string subject, string text, CancellationToken cancellation)
        {
            var message = new Message
            {
                Subject = subject,
                Body = new ItemBody { ContentType = BodyType.Text, Content = text },
                ToRecipients = new List<Recipient> { new Recipient { EmailAddress = new EmailAddress { Address = to } } },
            };
            return journal.RunAsync(ChangeIntents.Other(SendMailOperation, "mail", to, to, null, new { from = sender ?? session.Context.Account, subject, body = text }),
                () => WriteRetryPolicy.CallAsync(session, "send mail to " + to, MailCapability, async (c, configure) =>
                {
                    if (sender == null)
                    {
                        await c.Me.SendMail.PostAsync(new MeSendMailBody { Message = message, SaveToSentItems = true }, configure, cancellation).ConfigureAwait(false);
                    }
                    else
                    {
                        await c.Users[sender].SendMail.PostAsync(new UserSendMailBody { Message = message, SaveToSentItems = true }, configure, cancellation).ConfigureAwait(false);
                    }

                    return true;
                }, cancellation),
                cancellation);
        }
    }
}
