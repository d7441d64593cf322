using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Get-GroupLicenseError: members whose licence from a group is in error, with a remedy, or the counts for an alert.</summary>
    internal static class GroupLicenseErrorReader
    {
        public static readonly string[] ErrorTypes =
        {
            "CountViolation", "MutuallyExclusiveViolation", "DependencyViolation", "ProhibitedInUsageLocationViolation", "UniquenessViolation", "Other",
        };

        public static async Task WriteAsync(GraphSession session, GetGroupLicenseErrorRequest request, IReadOnlyList<LicenseSku> tenantSkus, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var wanted = request.ErrorType == null || request.ErrorType.Length == 0 ? null : new HashSet<string>(request.ErrorType, StringComparer.OrdinalIgnoreCase);
            var summary = new GroupLicenseErrorSummary { CheckedAt = session.Now };
            var usersInError = 0;

            IReadOnlyList<(string Id, string Name)> groups;
            if (request.Group != null && request.Group.Length > 0)
            {
                var named = new List<(string, string)>();
                foreach (var input in request.Group)
                {
                    try
                    {
                        var state = await TierGroupDirectory.RequireAsync(session, input, cancellation).ConfigureAwait(false);
                        named.Add((state.Group.Id!, state.Name));
                    }
                    catch (LicenseGovernanceException ex)
                    {
                        sink.WriteError(ex.Error);
                    }
                }

                groups = named;
                summary.GroupsChecked = named.Count;
            }
            else
            {
                summary.GroupsChecked = await CountLicensedGroupsAsync(session, sink).ConfigureAwait(false);
                groups = await FlaggedGroupsAsync(session, sink).ConfigureAwait(false);
            }

            // Only a user in error in several groups needs remembering, so one group's errors keep memory flat.
            var seen = groups.Count > 1 ? new HashSet<Guid>() : null;
            var done = 0;
            foreach (var (groupId, groupName) in groups)
            {
                sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseErrors, "Reading group licence errors", groupName, GovernanceProgress.Percent(done++, groups.Count)));
                var found = false;
                // Written as each page arrives: a tier of 100,000 members in error never sits in memory.
                await TierGroupDirectory.ForEachMemberWithLicenseErrorAsync(session, groupId, user =>
                {
                    var userCounted = false;
                    foreach (var state in LicenseStates.Of(user).Where(s => LicenseStates.InError(s, groupId)))
                    {
                        var type = ErrorTypeOf(state);
                        if (wanted != null && !wanted.Contains(type))
                        {
                            continue;
                        }

                        var sku = tenantSkus.FirstOrDefault(s => s.SkuId == state.SkuId);
                        var entry = new GroupLicenseError
                        {
                            GroupId = Guid.Parse(groupId),
                            GroupName = groupName,
                            UserId = Guid.Parse(user.Id!),
                            UserPrincipalName = user.UserPrincipalName,
                            SkuId = state.SkuId ?? Guid.Empty,
                            SkuPartNumber = sku?.SkuPartNumber,
                            ErrorType = type,
                            State = state.State ?? "Error",
                            Remedy = Remedy(type, sku?.SkuPartNumber ?? state.SkuId.ToString(), groupName),
                            LastUpdated = state.LastUpdatedDateTime,
                        };
                        found = true;
                        if (!userCounted && (seen == null || seen.Add(entry.UserId)))
                        {
                            usersInError++;
                        }

                        userCounted = true;
                        Count(summary, type);
                        if (!request.Summary)
                        {
                            sink.WriteObject(entry);
                        }
                    }
                }, cancellation).ConfigureAwait(false);

                if (found)
                {
                    summary.GroupsWithErrors++;
                }
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.LicenseErrors, "Reading group licence errors", $"{groups.Count} group(s)", 100, completed: true));
            summary.UsersInError = usersInError;
            if (request.Summary)
            {
                sink.WriteObject(summary);
            }
        }

        /// <summary>One line that says how to clear the error; every remedy ends with the reprocess that makes Entra try again.</summary>
        public static string Remedy(string errorType, string sku, string group)
        {
            switch (errorType)
            {
                case "CountViolation":
                    return $"Not enough {sku} seats: buy more or free some (Get-LicenseSku -Sku {sku}), then Invoke-LicenseReprocess.";
                case "MutuallyExclusiveViolation":
                    return $"The user holds a plan that conflicts with {sku} from '{group}' (often a direct or other group licence): remove the conflicting licence, then Invoke-LicenseReprocess.";
                case "DependencyViolation":
                    return $"A plan of {sku} needs a prerequisite plan that '{group}' leaves off: enable it (Set-LicenseTierGroup -EnabledPlan), then Invoke-LicenseReprocess.";
                case "ProhibitedInUsageLocationViolation":
                    return $"A plan of {sku} is not offered in the user's usage location: correct usageLocation or leave that plan off the tier, then Invoke-LicenseReprocess.";
                case "UniquenessViolation":
                    return "A value the licence needs (for example a proxy address) is used by another object: fix the duplicate, then Invoke-LicenseReprocess.";
                default:
                    return "Entra reported an unspecified error: check the user in the Microsoft Entra admin center (Licenses), fix it, then Invoke-LicenseReprocess.";
            }
        }

        internal static string ErrorTypeOf(LicenseState state)
        {
            var error = state.Error;
            // Older tenants and docs say "Others"; Graph now returns "Other".
            var known = ErrorTypes.FirstOrDefault(t => string.Equals(t, error, StringComparison.OrdinalIgnoreCase));
            return known ?? "Other";
        }

        private static void Count(GroupLicenseErrorSummary summary, string type)
        {
            summary.Errors++;
            switch (type)
            {
                case "CountViolation": summary.CountViolation++; break;
                case "MutuallyExclusiveViolation": summary.MutuallyExclusiveViolation++; break;
                case "DependencyViolation": summary.DependencyViolation++; break;
                case "ProhibitedInUsageLocationViolation": summary.ProhibitedInUsageLocationViolation++; break;
                case "UniquenessViolation": summary.UniquenessViolation++; break;
                default: summary.Other++; break;
            }
        }

        private static async Task<int> CountLicensedGroupsAsync(GraphSession session, IGovernanceSink sink)
        {
            var count = 0;
            await TierGroupDirectory.ForEachGroupAsync(session, "list groups", new[] { "id", "assignedLicenses" }, null, g =>
            {
                if (g.AssignedLicenses?.Count > 0)
                {
                    count++;
                }
            }, sink.Cancellation).ConfigureAwait(false);
            return count;
        }

        /// <summary>Graph flags groups with members in error, so only those are read member by member.</summary>
        private static async Task<IReadOnlyList<(string, string)>> FlaggedGroupsAsync(GraphSession session, IGovernanceSink sink)
        {
            var groups = new List<(string, string)>();
            await TierGroupDirectory.ForEachGroupAsync(session, "list groups with licence errors", new[] { "id", "displayName" }, "hasMembersWithLicenseErrors eq true",
                g => groups.Add((g.Id!, g.DisplayName ?? g.Id!)), sink.Cancellation).ConfigureAwait(false);
            return groups;
        }
    }
}
