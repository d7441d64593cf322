using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// Turns a package and its policy into <see cref="TierAccessPackage"/>: every setting as a property a script reads,
    /// named approvers, reviewers and requestor groups resolved to names, and the summary in words.
    /// </summary>
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
                // A licence group outside the tier ladder is no tier, so its name is read from the group.
                TierGroup = tier?.Name ?? (groupId != null ? await GroupNameAsync(session, groupId, names, cancellation).ConfigureAwait(false) : null),
                TierGroupId = groupId == null ? (Guid?)null : Guid.Parse(groupId),
                TierRank = tier?.Record?.Tier,
                Description = package.Description,
                MyAccessLink = AccessPackageDirectory.MyAccessLink(session, package.Id!),
            };
            if (policy != null)
            {
                await DescribePolicyAsync(session, policy, result, names, cancellation).ConfigureAwait(false);
            }

            result.Summary = TierPolicySummary.Describe(result, policy != null);
            return result;
        }

        private static async Task DescribePolicyAsync(GraphSession session, AccessPackageAssignmentPolicy policy, TierAccessPackage result, Dictionary<string, string> names, CancellationToken cancellation)
        {
            result.PolicyId = Guid.Parse(policy.Id!);
            result.PolicyName = policy.DisplayName;
            result.IsException = policy.DisplayName?.EndsWith("exception policy", StringComparison.Ordinal) == true;
            result.SelfService = policy.RequestorSettings?.EnableTargetsToSelfAddAccess == true;
            result.WhoCanRequest = policy.AllowedTargetScope switch
            {
                AllowedTargetScope.AllMemberUsers => TierRequestorScope.AllMembers,
                AllowedTargetScope.AllDirectoryUsers => TierRequestorScope.AllUsers,
                AllowedTargetScope.SpecificDirectoryUsers => TierRequestorScope.SpecificUsers,
                _ => TierRequestorScope.Other,
            };
            result.Requestors.AddRange(await SubjectsAsync(session, policy.SpecificAllowedTargets, names, cancellation).ConfigureAwait(false));

            var approval = policy.RequestApprovalSettings;
            var stages = approval?.IsApprovalRequiredForAdd == true ? approval.Stages ?? new List<AccessPackageApprovalStage>() : new List<AccessPackageApprovalStage>();
            foreach (var stage in stages)
            {
                var described = new TierApprovalStage
                {
                    Stage = result.ApprovalStages.Count + 1,
                    TimeoutDays = (int)Math.Round(stage.DurationBeforeAutomaticDenial?.TotalDays ?? 14),
                    ApproverJustification = stage.IsApproverJustificationRequired == true,
                };
                described.Approvers.AddRange(await SubjectsAsync(session, stage.PrimaryApprovers, names, cancellation).ConfigureAwait(false));
                described.FallbackApprovers.AddRange(await SubjectsAsync(session, stage.FallbackPrimaryApprovers, names, cancellation).ConfigureAwait(false));
                result.ApprovalStages.Add(described);
            }

            result.Approval = ApprovalKind(result.ApprovalStages);
            result.FallbackApprovers.AddRange(result.ApprovalStages.SelectMany(s => s.FallbackApprovers).GroupBy(s => s.Kind + ":" + (s.Id?.ToString() ?? s.Name)).Select(g => g.First()));
            result.ApprovalTimeoutDays = result.ApprovalStages.FirstOrDefault()?.TimeoutDays;
            result.ApproverJustification = result.ApprovalStages.Count > 0 && result.ApprovalStages.All(s => s.ApproverJustification);
            result.RequestorJustification = approval?.IsRequestorJustificationRequired == true;

            var expiration = policy.Expiration;
            result.ExpirationDays = expiration?.Type == ExpirationPatternType.AfterDuration ? (int)Math.Round(expiration.Duration?.TotalDays ?? 0) : (int?)null;
            result.ExpirationDate = expiration?.Type == ExpirationPatternType.AfterDateTime ? expiration.EndDateTime : null;
            result.NoExpiration = result.ExpirationDays == null && result.ExpirationDate == null;
            result.CustomEndDate = policy.RequestorSettings?.AllowCustomAssignmentSchedule == true;
            result.AllowExtension = policy.RequestorSettings?.EnableTargetsToSelfUpdateAccess == true;
            result.ExtensionApproval = result.AllowExtension && approval?.IsApprovalRequiredForUpdate == true;
            await DescribeReviewAsync(session, policy.ReviewSettings, result, names, cancellation).ConfigureAwait(false);
        }

        private static async Task DescribeReviewAsync(GraphSession session, AccessPackageAssignmentReviewSettings? review, TierAccessPackage result, Dictionary<string, string> names, CancellationToken cancellation)
        {
            if (review?.IsEnabled != true)
            {
                result.AccessReview = "None";
                return;
            }

            var pattern = review.Schedule?.Recurrence?.Pattern;
            var interval = pattern?.Interval ?? 0;
            result.AccessReview = pattern?.Type == RecurrencePatternType.Weekly ? "Weekly"
                : interval == 12 ? "Annual" : interval == 6 ? "SemiAnnual" : interval == 3 ? "Quarterly" : interval == 1 ? "Monthly" : "Every " + interval + " months";
            result.ReviewStartDate = review.Schedule?.StartDateTime;
            result.ReviewDurationDays = review.Schedule?.Expiration?.Duration is TimeSpan open ? (int)Math.Round(open.TotalDays) : (int?)null;
            result.ReviewNoResponse = review.ExpirationBehavior switch
            {
                AccessReviewExpirationBehavior.RemoveAccess => "RemoveAccess",
                AccessReviewExpirationBehavior.AcceptAccessRecommendation => "AcceptRecommendation",
                _ => "KeepAccess",
            };
            result.FallbackReviewers.AddRange(await SubjectsAsync(session, review.FallbackReviewers, names, cancellation).ConfigureAwait(false));
            if (review.IsSelfReview == true)
            {
                result.Reviewers.Add(new PolicySubject { Kind = PolicySubjectKind.Self, Name = "Self" });
            }
            else
            {
                result.Reviewers.AddRange(await SubjectsAsync(session, review.PrimaryReviewers, names, cancellation).ConfigureAwait(false));
            }
        }

        /// <summary>In -Approval terms when the stages are the shapes New-TierAccessPackage writes; Custom otherwise.</summary>
        private static TierApprovalKind ApprovalKind(IList<TierApprovalStage> stages)
        {
            bool ManagerOnly(TierApprovalStage s) => s.Approvers.Count == 1 && s.Approvers[0].Kind == PolicySubjectKind.Manager && s.Approvers[0].Name == "Manager";
            return stages.Count == 0 ? TierApprovalKind.None
                : stages.Count == 1 && ManagerOnly(stages[0]) ? TierApprovalKind.Manager
                : stages.Count == 2 && ManagerOnly(stages[0]) && stages[1].Approvers.Count > 0 ? TierApprovalKind.ManagerThenApprover
                : TierApprovalKind.Custom;
        }

        /// <summary>Approver and reviewer sets by name, joined: "Manager", "Manager or lic-admins", "nobody".</summary>
        public static async Task<string> SetsAsync(GraphSession session, IEnumerable<SubjectSet>? sets, Dictionary<string, string> names, CancellationToken cancellation)
        {
            var subjects = await SubjectsAsync(session, sets, names, cancellation).ConfigureAwait(false);
            return subjects.Count == 0 ? "nobody" : string.Join(" or ", subjects);
        }

        /// <summary>Approver, reviewer and requestor sets typed and named: "Manager", a user's UPN, a group's name.</summary>
        public static async Task<List<PolicySubject>> SubjectsAsync(GraphSession session, IEnumerable<SubjectSet>? sets, Dictionary<string, string> names, CancellationToken cancellation)
        {
            var subjects = new List<PolicySubject>();
            foreach (var set in sets ?? Enumerable.Empty<SubjectSet>())
            {
                subjects.Add(set switch
                {
                    RequestorManager m => new PolicySubject { Kind = PolicySubjectKind.Manager, Name = m.ManagerLevel > 1 ? "Manager's manager" : "Manager" },
                    SingleUser u when u.UserId != null => new PolicySubject { Kind = PolicySubjectKind.User, Id = ParseId(u.UserId), Name = await UserNameAsync(session, u.UserId, names, cancellation).ConfigureAwait(false) },
                    GroupMembers g when g.GroupId != null => new PolicySubject { Kind = PolicySubjectKind.Group, Id = ParseId(g.GroupId), Name = await GroupNameAsync(session, g.GroupId, names, cancellation).ConfigureAwait(false) },
                    _ => new PolicySubject { Kind = PolicySubjectKind.Other, Name = set.OdataType?.Replace("#microsoft.graph.", "") ?? "?" },
                });
            }

            return subjects;
        }

        private static Guid? ParseId(string id) => Guid.TryParse(id, out var parsed) ? parsed : (Guid?)null;

        private static async Task<string> UserNameAsync(GraphSession session, string userId, Dictionary<string, string> names, CancellationToken cancellation)
        {
            if (!names.TryGetValue(userId, out var upn))
            {
                upn = (await AccessPackageDirectory.FindUserAsync(session, userId, cancellation).ConfigureAwait(false))?.UserPrincipalName ?? userId;
                names[userId] = upn;
            }

            return upn;
        }

        /// <summary>A group's name by id, read once per run (<paramref name="names"/>); its id when it no longer exists.</summary>
        public static async Task<string> GroupNameAsync(GraphSession session, string groupId, Dictionary<string, string> names, CancellationToken cancellation)
        {
            if (!names.TryGetValue(groupId, out var name))
            {
                var found = await TierGroupDirectory.FindAsync(session, groupId, cancellation).ConfigureAwait(false);
                name = found.Count == 1 ? found[0].Name : groupId;
                names[groupId] = name;
            }

            return name;
        }
    }
}
