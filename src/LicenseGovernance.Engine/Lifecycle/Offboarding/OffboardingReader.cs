using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// Reads what an offboarding decides from: the user with their licence states, the holds (eDiscovery, and Exchange's
    /// when connected), the mailbox's purpose, the manager and their access to the OneDrive, the pending requests. It
    /// changes nothing. A read the token may not make is noted on the facts, and the step it serves says so.
    /// </summary>
    internal static class OffboardingReader
    {
        public const string MailboxCapability = "ReadMailboxSettings";

        private static readonly string[] UserSelect = { "id", "userPrincipalName", "mail", "displayName", "accountEnabled", "signInSessionsValidFromDateTime", "licenseAssignmentStates" };

        public static Task<User?> UserAsync(GraphSession session, string idOrUpn, CancellationToken cancellation) =>
            session.CallOrNotFoundAsync("read user " + idOrUpn, "ReadUsers",
                c => c.Users[idOrUpn].GetAsync(r => r.QueryParameters.Select = UserSelect, cancellation), cancellation);

        public static async Task<OffboardingFacts> ReadAsync(OffboardingContext context, User user)
        {
            var cancellation = context.Sink.Cancellation;
            var facts = new OffboardingFacts(user, context.Journal.History(Guid.Parse(user.Id!)));
            var (holds, unreadable) = await context.Holds.HoldsOfAsync(new[] { user.Mail, user.UserPrincipalName }, cancellation).ConfigureAwait(false);
            facts.Holds.AddRange(holds);
            facts.HoldsUnreadable = unreadable;
            await ReadMailboxAsync(context, facts).ConfigureAwait(false);
            await ReadDriveAsync(context, facts).ConfigureAwait(false);
            await ReadRequestsAsync(context, facts).ConfigureAwait(false);
            return facts;
        }

        private static async Task ReadMailboxAsync(OffboardingContext context, OffboardingFacts facts)
        {
            try
            {
                var settings = await context.Session.CallOrNotFoundAsync("read the mailbox settings of " + facts.UserPrincipalName, MailboxCapability,
                    c => c.Users[facts.UserId.ToString()].MailboxSettings.GetAsync(r => r.QueryParameters.Select = new[] { "userPurpose" }, context.Sink.Cancellation),
                    context.Sink.Cancellation).ConfigureAwait(false);
                facts.MailboxPurpose = settings?.UserPurpose?.ToString().ToLowerInvariant();
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied)
            {
                facts.MailboxUnreadable = ex.Error.Message;
            }

            var exchange = context.Request.Exchange?.GetMailbox(facts.UserPrincipalName);
            facts.ExchangeMailbox = exchange;
            if (exchange != null && exchange.LitigationHoldEnabled)
            {
                facts.Holds.Add("Exchange Online litigation hold");
            }

            facts.Holds.AddRange((exchange?.InPlaceHolds ?? new ItemList<string>()).Select(h => $"Exchange Online in-place hold '{h}'"));
        }

        private static async Task ReadDriveAsync(OffboardingContext context, OffboardingFacts facts)
        {
            var session = context.Session;
            var cancellation = context.Sink.Cancellation;
            facts.Manager = context.Manager ?? await session.CallOrNotFoundAsync("read the manager of " + facts.UserPrincipalName, "ReadUsers",
                async c => await c.Users[facts.UserId.ToString()].Manager.GetAsync(cancellationToken: cancellation).ConfigureAwait(false) as User, cancellation).ConfigureAwait(false);
            try
            {
                var drive = await session.CallOrNotFoundAsync("read the OneDrive of " + facts.UserPrincipalName, UserDataWriter.FilesCapability,
                    c => c.Users[facts.UserId.ToString()].Drive.GetAsync(r => r.QueryParameters.Select = new[] { "id" }, cancellation), cancellation).ConfigureAwait(false);
                facts.DriveId = drive?.Id;
                if (drive?.Id != null && facts.Manager?.Id != null)
                {
                    var permissions = await session.CallAsync("read who may open the OneDrive of " + facts.UserPrincipalName, UserDataWriter.FilesCapability,
                        c => c.Drives[drive.Id].Items["root"].Permissions.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
                    facts.ManagerHasAccess = (permissions?.Value ?? new System.Collections.Generic.List<Permission>()).Any(p =>
                        (p.Roles?.Contains("write") ?? false) && string.Equals(p.GrantedToV2?.User?.Id, facts.Manager.Id, StringComparison.OrdinalIgnoreCase));
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied)
            {
                facts.DriveUnreadable = ex.Error.Message;
            }
        }

        /// <summary>Requests waiting for approval in which the user is the requestor or the target.</summary>
        private static async Task ReadRequestsAsync(OffboardingContext context, OffboardingFacts facts)
        {
            var session = context.Session;
            var cancellation = context.Sink.Cancellation;
            var first = await session.CallAsync("list pending access package requests", AccessPackageDirectory.Read,
                c => c.IdentityGovernance.EntitlementManagement.AssignmentRequests.GetAsync(r =>
                {
                    r.QueryParameters.Filter = "state eq 'pendingApproval'";
                    r.QueryParameters.Expand = new[] { "requestor", "accessPackage", "assignment($expand=target)" };
                }, cancellation), cancellation).ConfigureAwait(false);
            var requests = await GraphPages.AllAsync<AccessPackageAssignmentRequest, AccessPackageAssignmentRequestCollectionResponse>(
                session, "list pending access package requests", AccessPackageDirectory.Read, first, cancellation).ConfigureAwait(false);
            var id = facts.UserId.ToString();
            foreach (var request in requests.Where(r => r.Id != null && (Is(r.Requestor?.ObjectId ?? r.Requestor?.Id, id) || Is(AccessPackageDirectory.RequestTarget(r), id))))
            {
                facts.PendingRequests.Add((Guid.Parse(request.Id!), request.AccessPackage?.DisplayName ?? request.AccessPackage?.Id));
            }
        }

        private static bool Is(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
