using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// What offboarding reads and writes beyond the directory: mailbox purpose (Exchange Online's view of the mailbox),
    /// OneDrive sharing, eDiscovery cases with legal holds, and the mail sent.
    /// </summary>
    public sealed partial class TenantStore
    {
        public const string MailboxUser = "user";
        public const string MailboxShared = "shared";

        private static readonly string[] MailboxPurposes = { "user", "linked", "shared", "room", "equipment", "others" };

        internal List<SimulatedEdiscoveryCase> EdiscoveryCaseList { get; } = new List<SimulatedEdiscoveryCase>();

        internal List<SimulatedMail> SentMailList { get; } = new List<SimulatedMail>();

        /// <summary>Every message sent through sendMail, oldest first.</summary>
        public IReadOnlyList<SimulatedMail> SentMail => Read(() => SentMailList.ToArray());

        public IReadOnlyList<SimulatedEdiscoveryCase> EdiscoveryCases => Read(() => EdiscoveryCaseList.ToArray());

        /// <summary>
        /// Puts users on a legal hold of an eDiscovery case (both created when missing, by name): their mailbox address
        /// becomes a user source of the hold.
        /// </summary>
        public SimulatedLegalHold AddLegalHold(string caseName, string holdName, params Guid[] userIds) => Write(() =>
        {
            var ediscoveryCase = EdiscoveryCaseList.FirstOrDefault(c => c.DisplayName == caseName);
            if (ediscoveryCase == null)
            {
                ediscoveryCase = new SimulatedEdiscoveryCase { Id = _newId(), DisplayName = caseName, CreatedDateTime = Now };
                EdiscoveryCaseList.Add(ediscoveryCase);
            }

            var hold = ediscoveryCase.LegalHolds.FirstOrDefault(h => h.DisplayName == holdName);
            if (hold == null)
            {
                hold = new SimulatedLegalHold { Id = _newId(), DisplayName = holdName, CreatedDateTime = Now };
                ediscoveryCase.LegalHolds.Add(hold);
            }

            foreach (var id in userIds)
            {
                var user = RequireUser(id.ToString(), null);
                hold.UserSources.Add(user.Mail ?? user.UserPrincipalName);
            }

            return hold;
        });

        /// <summary>Exchange Online's change of a mailbox's type (Set-Mailbox -Type Shared), as a rehearsal control.</summary>
        public void SetMailboxPurpose(Guid userId, string purpose) => Write(() =>
        {
            if (!MailboxPurposes.Contains(purpose))
            {
                throw new ArgumentException($"'{purpose}' is not a mailbox purpose; use one of {string.Join(", ", MailboxPurposes)}.", nameof(purpose));
            }

            var user = RequireUser(userId.ToString(), null);
            if (MailboxPurposeCore(user) == null)
            {
                throw GraphServiceError.NotFound("mailbox of " + user.UserPrincipalName);
            }

            user.MailboxPurpose = purpose;
            return 0;
        });

        /// <summary>The mailbox's userPurpose, or null when the user has no mailbox.</summary>
        public string? MailboxPurposeOf(Guid userId) => Read(() => MailboxPurposeCore(RequireUser(userId.ToString(), null)));

        /// <summary>
        /// A set purpose stands (a shared mailbox needs no licence); otherwise a user mailbox exists while a licence enables an
        /// Exchange Online mailbox plan (Enterprise, Standard or Kiosk), and none without (the disconnected mailbox's 30 days are not modelled).
        /// </summary>
        internal string? MailboxPurposeCore(SimulatedUser user) =>
            user.MailboxPurpose ?? (HasMailboxPlan(user) ? MailboxUser : null);

        private bool HasMailboxPlan(SimulatedUser user) =>
            UserLicensing.AssignedLicenses(user).Any(l => FindSkuCore(l.SkuId)?.ServicePlans.Any(p =>
                SkuCatalog.IsMailboxPlan(p.ServicePlanId) && !l.DisabledPlans.Contains(p.ServicePlanId)) ?? false);

        internal SimulatedDrivePermission GrantDriveCore(SimulatedUser owner, SimulatedUser recipient, IReadOnlyList<string> roles, bool requireSignIn, bool sendInvitation)
        {
            var permission = new SimulatedDrivePermission
            {
                Id = _newId().ToString("N"),
                UserId = recipient.Id,
                Email = recipient.Mail ?? recipient.UserPrincipalName,
                Roles = roles.ToList(),
                RequireSignIn = requireSignIn,
                InvitationSent = sendInvitation,
                GrantedDateTime = Now,
            };
            owner.DrivePermissions.Add(permission);
            return permission;
        }

        internal void LoadOffboarding(IEnumerable<SimulatedEdiscoveryCase>? cases, IEnumerable<SimulatedMail>? mail)
        {
            EdiscoveryCaseList.AddRange(cases ?? Enumerable.Empty<SimulatedEdiscoveryCase>());
            SentMailList.AddRange(mail ?? Enumerable.Empty<SimulatedMail>());
        }
    }
}
