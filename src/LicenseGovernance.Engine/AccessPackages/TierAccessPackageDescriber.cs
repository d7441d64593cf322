using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>Turns a package and its policy into the readable <see cref="TierAccessPackage"/> summary.</summary>
    internal static class TierAccessPackageDescriber
    {
        public static async Task<TierAccessPackage> DescribeAsync(GraphSession session, AccessPackageCatalog catalog, AccessPackage package, IReadOnlyList<TierGroupState> tiers, CancellationToken cancellation)
        {
            var policies = await AccessPackageDirectory.PoliciesAsync(session, package.Id!, cancellation).ConfigureAwait(false);
            var policy = AccessPackageDirectory.OwnPolicy(policies) ?? policies.FirstOrDefault();
            var groupId = AccessPackageDirectory.MemberGroups(package).FirstOrDefault();
            var tier = tiers.FirstOrDefault(t => string.Equals(t.Group.Id, groupId, StringComparison.OrdinalIgnoreCase));
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var result = new TierAccessPackage
            {
                Name = package.DisplayName ?? package.Id!,
                Id = Guid.Parse(package.Id!),
                Catalog = catalog.DisplayName ?? "",
                CatalogId = Guid.Parse(catalog.Id!),
                TierGroup = tier?.Name ?? (package.ResourceRoleScopes?.FirstOrDefault()?.Role?.Resource?.DisplayName),
                TierGroupId = groupId == null ? (Guid?)null : Guid.Parse(groupId),
                Tier = tier?.Record?.Tier,
                Description = package.Description,
                MyAccessLink = AccessPackageDirectory.MyAccessLink(session, package.Id!),
            };
            if (policy == null)
            {
                result.WhoCanRequest = "Nobody (no policy)";
                result.Approval = result.Expiration = result.Extension = result.AccessReview = "";
                return result;
            }

            result.PolicyId = Guid.Parse(policy.Id!);
            result.PolicyName = policy.DisplayName;
            result.IsException = policy.DisplayName?.EndsWith("exception policy", StringComparison.Ordinal) == true;
            result.SelfService = policy.RequestorSettings?.EnableTargetsToSelfAddAccess == true;
            result.WhoCanRequest = policy.AllowedTargetScope switch
            {
                AllowedTargetScope.AllMemberUsers => "All members (no guests)",
                AllowedTargetScope.AllDirectoryUsers => "All users (guests too)",
                AllowedTargetScope.SpecificDirectoryUsers => "Members of " + await SetsAsync(session, policy.SpecificAllowedTargets, names, cancellation).ConfigureAwait(false),
                _ => policy.AllowedTargetScope?.ToString() ?? "Not specified",
            };
            if (!result.SelfService)
            {
                result.WhoCanRequest = "Administrators only (" + result.WhoCanRequest + " in scope)";
            }

            var approval = policy.RequestApprovalSettings;
            var stages = approval?.Stages ?? new List<AccessPackageApprovalStage>();
            if (approval?.IsApprovalRequiredForAdd != true || stages.Count == 0)
            {
                result.Approval = "None";
            }
            else
            {
                var described = new List<string>();
                foreach (var stage in stages)
                {
                    var text = await SetsAsync(session, stage.PrimaryApprovers, names, cancellation).ConfigureAwait(false);
                    if (stage.FallbackPrimaryApprovers?.Count > 0)
                    {
                        text += " (fallback " + await SetsAsync(session, stage.FallbackPrimaryApprovers, names, cancellation).ConfigureAwait(false) + ")";
                    }

                    described.Add(text);
                }

                var days = stages[0].DurationBeforeAutomaticDenial?.TotalDays ?? 14;
                result.Approval = string.Join(", then ", described) + $" ({days.ToString("0", CultureInfo.InvariantCulture)} days per stage" +
                    (stages.All(s => s.IsApproverJustificationRequired == true) ? ", approver justification" : "") + ")";
            }

            result.RequestorJustification = approval?.IsRequestorJustificationRequired == true;
            result.Expiration = AssignmentSchedule.Describe(policy.Expiration);
            result.CustomEndDate = policy.RequestorSettings?.AllowCustomAssignmentSchedule == true;
            result.Extension = policy.RequestorSettings?.EnableTargetsToSelfUpdateAccess != true ? "Not allowed"
                : approval?.IsApprovalRequiredForUpdate == true ? "With approval" : "Without approval";
            var review = policy.ReviewSettings;
            if (review?.IsEnabled == true)
            {
                var interval = review.Schedule?.Recurrence?.Pattern?.Interval ?? 0;
                var frequency = review.Schedule?.Recurrence?.Pattern?.Type == RecurrencePatternType.Weekly ? "Weekly"
                    : interval == 12 ? "Annual" : interval == 3 ? "Quarterly" : interval == 1 ? "Monthly" : "Every " + interval + " months";
                var by = review.IsSelfReview == true ? "Self" : await SetsAsync(session, review.PrimaryReviewers, names, cancellation).ConfigureAwait(false);
                result.AccessReview = frequency + " by " + by;
            }
            else
            {
                result.AccessReview = "None";
            }

            return result;
        }

        /// <summary>Approver and reviewer sets by name: "Manager", a user's UPN, a group's name.</summary>
        public static async Task<string> SetsAsync(GraphSession session, IEnumerable<SubjectSet>? sets, Dictionary<string, string> names, CancellationToken cancellation)
        {
            var parts = new List<string>();
            foreach (var set in sets ?? Enumerable.Empty<SubjectSet>())
            {
                switch (set)
                {
                    case RequestorManager m:
                        parts.Add(m.ManagerLevel > 1 ? "Manager's manager" : "Manager");
                        break;
                    case SingleUser u when u.UserId != null:
                        if (!names.TryGetValue(u.UserId, out var upn))
                        {
                            upn = (await AccessPackageDirectory.FindUserAsync(session, u.UserId, cancellation).ConfigureAwait(false))?.UserPrincipalName ?? u.UserId;
                            names[u.UserId] = upn;
                        }

                        parts.Add(upn);
                        break;
                    case GroupMembers g when g.GroupId != null:
                        if (!names.TryGetValue(g.GroupId, out var groupName))
                        {
                            var found = await TierGroupDirectory.FindAsync(session, g.GroupId, cancellation).ConfigureAwait(false);
                            groupName = found.Count == 1 ? found[0].Name : g.GroupId;
                            names[g.GroupId] = groupName;
                        }

                        parts.Add(groupName);
                        break;
                    default:
                        parts.Add(set.OdataType?.Replace("#microsoft.graph.", "") ?? "?");
                        break;
                }
            }

            return parts.Count == 0 ? "nobody" : string.Join(" or ", parts);
        }
    }
}
