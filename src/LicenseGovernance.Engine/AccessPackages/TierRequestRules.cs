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
    /// when it refuses: who may request (members only, guests too, named users or groups), whether they may choose the end
    /// and how far, whether a justification is required, and whether holders may extend. Pure: the caller reads the policy,
    /// the user and their groups.
    /// </summary>
    internal static class TierRequestRules
    {
        /// <summary>The first policy that lets <paramref name="user"/> request the package, or the refusal that says why none does.</summary>
        public static AccessPackageAssignmentPolicy PolicyFor(string package, IReadOnlyList<AccessPackageAssignmentPolicy> policies, User user, ISet<string> groupIds)
        {
            var open = policies.Where(p => p.RequestorSettings?.EnableTargetsToSelfAddAccess == true).ToList();
            var match = open.FirstOrDefault(p => InScope(p, user, groupIds));
            if (match != null)
            {
                return match;
            }

            var name = user.UserPrincipalName ?? user.Id;
            if (open.Count == 0)
            {
                throw Refused(package, "its policy does not let users request it; an administrator assigns it (Add-TierAssignment).");
            }

            if (open.All(p => p.AllowedTargetScope == AllowedTargetScope.AllMemberUsers))
            {
                throw Refused(package, $"its policy lets only members of the organisation request it, and {name} is a {(user.UserType ?? "guest").ToLowerInvariant()} user.");
            }

            throw Refused(package, $"{name} is not among the users its policy lets request it.");
        }

        /// <summary>As entitlement management reads allowedTargetScope: members only, every user, or the named users and groups.</summary>
        public static bool InScope(AccessPackageAssignmentPolicy policy, User user, ISet<string> groupIds) => policy.AllowedTargetScope switch
        {
            AllowedTargetScope.AllMemberUsers => string.Equals(user.UserType, "Member", StringComparison.OrdinalIgnoreCase),
            AllowedTargetScope.AllDirectoryUsers => true,
            AllowedTargetScope.SpecificDirectoryUsers => (policy.SpecificAllowedTargets ?? new List<SubjectSet>()).Any(t =>
                (t is SingleUser single && string.Equals(single.UserId, user.Id, StringComparison.OrdinalIgnoreCase)) ||
                (t is GroupMembers group && group.GroupId != null && groupIds.Contains(group.GroupId.ToLowerInvariant()))),
            _ => false,
        };

        /// <summary>Holders extend under the policy of the assignment they hold, only when it lets them.</summary>
        public static void CheckExtension(string package, AccessPackageAssignmentPolicy policy, AccessPackageAssignment assignment)
        {
            if (policy.RequestorSettings?.EnableTargetsToSelfUpdateAccess != true)
            {
                throw Refused(package, "its policy does not let holders request an extension; ask an administrator, or request it again once it has ended.");
            }

            if (assignment.Schedule?.Expiration?.EndDateTime == null)
            {
                throw Refused(package, "the assignment does not expire, so there is nothing to extend.");
            }
        }

        /// <summary>Justification and end date as the policy says; returns when the assignment would end (asked for, or the policy's own).</summary>
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

        /// <summary>How many approval stages the request goes through: an add when the policy approves adds, an extension when it approves updates.</summary>
        public static int ApprovalStages(AccessPackageAssignmentPolicy policy, bool extend)
        {
            var settings = policy.RequestApprovalSettings;
            var required = extend ? settings?.IsApprovalRequiredForUpdate : settings?.IsApprovalRequiredForAdd;
            return required == true ? settings!.Stages?.Count ?? 0 : 0;
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
