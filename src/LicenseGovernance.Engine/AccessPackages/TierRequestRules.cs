using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// What a tier package's policy lets a requestor ask for, checked before anything is sent, with the policy's reason
    /// when it refuses: whether the user is offered it at all, whether they may choose the end and how far, whether a
    /// justification is required, and whether holders may extend, as far as the policy as read says. Pure: the caller reads
    /// the policies (as the requestor sees them) and the user.
    /// </summary>
    internal static class TierRequestRules
    {
        /// <summary>
        /// The policy to request under: among those Graph offers the user (it lists only the policies they may request), the
        /// module's own first. None means the user is not among those its policies admit.
        /// </summary>
        public static AccessPackageAssignmentPolicy PolicyFor(string package, IReadOnlyList<AccessPackageAssignmentPolicy> requestable, User user) =>
            AccessPackageDirectory.OwnPolicy(requestable) ?? requestable.FirstOrDefault() ?? throw NotOffered(package, user);

        /// <summary>Graph offers a user only what they may request, so the requestor cannot tell a package they may not request from none at all.</summary>
        public static LicenseGovernanceException NotOffered(string package, User user) =>
            Refused(package, $"{user.UserPrincipalName ?? user.Id}, a {(user.UserType ?? "member").ToLowerInvariant()} user, is not among the users its policies let request it " +
                "(or no access package has that name): Graph offers a user only the packages they may request.");

        /// <summary>Holders extend under the policy of the assignment they hold, only when it lets them.</summary>
        public static void CheckExtension(string package, AccessPackageAssignmentPolicy policy, AccessPackageAssignment assignment)
        {
            // A requestor's view of the policy does not say (null), so then Graph decides; an administrator's view does.
            if (policy.RequestorSettings?.EnableTargetsToSelfUpdateAccess == false)
            {
                throw Refused(package, "its policy does not let holders request an extension; ask an administrator, or request it again once it has ended.");
            }

            if (assignment.Schedule?.Expiration?.EndDateTime == null)
            {
                throw Refused(package, "the assignment does not expire, so there is nothing to extend.");
            }
        }

        /// <summary>
        /// Justification and end date as the policy says; returns when the assignment would end (asked for, or the policy's
        /// own). A requestor's view does not say whether a justification is required (null), so then Graph refuses it.
        /// </summary>
        public static DateTimeOffset? CheckRequest(string package, AccessPackageAssignmentPolicy policy, string? justification, DateTimeOffset? end, DateTimeOffset now)
        {
            if (policy.RequestApprovalSettings?.IsRequestorJustificationRequired == true && string.IsNullOrWhiteSpace(justification))
            {
                throw Refused(package, "its policy requires a justification; say why with -Justification.");
            }

            var latest = AssignmentSchedule.LatestEnd(policy, now);
            if (end == null)
            {
                return latest;
            }

            if (policy.RequestorSettings?.AllowCustomAssignmentSchedule != true)
            {
                throw Refused(package, $"its policy does not let requestors choose the end date; leave out -EndDate and -Days to get its own ({AssignmentSchedule.Describe(policy.Expiration)}).");
            }

            if (end <= now)
            {
                throw Refused(package, "the end date must be in the future.");
            }

            // A minute of slack: the service computes "now plus the policy's duration" a moment after this does.
            if (latest != null && end > latest.Value.AddMinutes(1))
            {
                throw Refused(package, $"its policy allows at most {AssignmentSchedule.Describe(policy.Expiration)} (until {latest:yyyy-MM-dd}), and {end:yyyy-MM-dd} is later.");
            }

            return end;
        }

        /// <summary>Whether the request waits for approval: an add when the policy approves adds, an extension when it approves updates.</summary>
        public static bool ApprovalRequired(AccessPackageAssignmentPolicy policy, bool extend)
        {
            var settings = policy.RequestApprovalSettings;
            return (extend ? settings?.IsApprovalRequiredForUpdate : settings?.IsApprovalRequiredForAdd) == true;
        }

        /// <summary>An extension must end later than the assignment does now.</summary>
        public static void CheckLater(string package, DateTimeOffset? end, DateTimeOffset? current)
        {
            if (end != null && current != null && end <= current)
            {
                throw Refused(package, $"an extension must end after the assignment's current end ({current.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
            }
        }

        private static LicenseGovernanceException Refused(string package, string reason) => Errors.TierRequestRefused(package, reason).ToException();
    }
}
