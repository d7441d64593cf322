using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Every operation Undo-LicenseChange can reverse.</summary>
    public static class ChangeReversers
    {
        public static IReadOnlyList<IChangeReverser> All { get; } = new IChangeReverser[]
        {
            new UserLicenseReverser(),
            new AccountEnabledReverser(),
            new GroupLicenseReverser(),
            new GroupMembershipReverser(ChangeIntents.GroupAddMember),
            new GroupMembershipReverser(ChangeIntents.GroupRemoveMember),
            new AccessPackageAssignmentReverser(AccessPackageChangeIntents.AddAssignment),
            new AccessPackageAssignmentReverser(AccessPackageChangeIntents.RemoveAssignment),
        };

        /// <summary>
        /// Why Undo-LicenseChange reports an operation and leaves it: records of what was done with a leaver's data and
        /// access, which cannot or must not be taken back. Null for every other operation.
        /// </summary>
        public static string? NotReversedBecause(string operation) => operation switch
        {
            Graph.UserAccountWriter.RevokeSessionsOperation => "revoked sessions cannot be given back; the user signs in again once enabled.",
            Graph.UserDataWriter.DriveInviteOperation => "the OneDrive access given is kept; remove it in OneDrive if it is no longer wanted.",
            Graph.UserDataWriter.SendMailOperation => "a mail sent cannot be taken back.",
            Graph.AccessPackageAssignmentWriter.CancelRequestOperation => "a cancelled request cannot be reopened; the user asks again.",
            ChangeIntents.MailboxConvertedToShared => "the mailbox stays shared; convert it back with Set-Mailbox -Type Regular.",
            ChangeIntents.OffboardingStarted or ChangeIntents.OffboardingRecovered => "a record of the offboarding, not a change to the tenant.",
            _ => null,
        };

        public static IChangeReverser? Find(string operation) =>
            All.FirstOrDefault(r => string.Equals(r.Operation, operation, StringComparison.Ordinal));
    }
}
