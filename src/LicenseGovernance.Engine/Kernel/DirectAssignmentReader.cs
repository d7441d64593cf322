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
    /// <summary>Get-DirectLicenseAssignment: for each user and SKU, whether it is held directly, through groups, or both.</summary>
    internal static class DirectAssignmentReader
    {
        internal static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates" };

        /// <summary>Users holding any licence; documented for users as an advanced query only (ConsistencyLevel eventual and $count=true).</summary>
        internal const string LicensedUsersFilter = "assignedLicenses/$count ne 0";

        public static async Task WriteAsync(GraphSession session, GetDirectLicenseAssignmentRequest request, IReadOnlyList<LicenseSku> tenantSkus, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var skus = request.Sku == null || request.Sku.Length == 0 ? null : LicenseSelection.FilterSkus(tenantSkus, request.Sku, sink.WriteError);
            if (skus?.Count == 0)
            {
                return;
            }

            var groupNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var g in await TierGroupDirectory.ListLicensedGroupsAsync(session, tenantSkus, cancellation).ConfigureAwait(false))
            {
                groupNames[g.Id!] = g.DisplayName ?? g.Id!;
            }

            var summaries = new Dictionary<Guid, DirectLicenseSummary>();
            void Handle(User user)
            {
                foreach (var row in Describe(user, skus ?? tenantSkus, groupNames))
                {
                    if (request.Summary)
                    {
                        Count(summaries, row);
                    }
                    else
                    {
                        sink.WriteObject(row);
                    }
                }
            }

            // One SKU narrows the listing on the service side; for several (or all) every licensed user is read once, and the
            // unlicensed are left out by Graph (an advanced query: UserStream sends ConsistencyLevel eventual and $count=true).
            var filter = skus?.Count == 1 ? TierGroupDirectory.SkuFilter(skus[0].SkuId) : LicensedUsersFilter;
            await UserStream.ReadNamedOrAllAsync(session, UserSelect, request.User, filter, Handle, sink).ConfigureAwait(false);

            if (request.Summary)
            {
                foreach (var summary in summaries.Values.OrderBy(s => s.SkuPartNumber, StringComparer.OrdinalIgnoreCase))
                {
                    sink.WriteObject(summary);
                }
            }
        }

        /// <summary>One row per SKU the user holds by any path, among <paramref name="skus"/>.</summary>
        internal static IEnumerable<DirectLicenseAssignment> Describe(User user, IReadOnlyList<LicenseSku> skus, IReadOnlyDictionary<string, string> groupNames)
        {
            foreach (var bySku in LicenseStates.Of(user).Where(s => s.SkuId.HasValue).GroupBy(s => s.SkuId!.Value))
            {
                var sku = skus.FirstOrDefault(s => s.SkuId == bySku.Key);
                if (sku == null)
                {
                    continue;
                }

                var direct = bySku.FirstOrDefault(LicenseStates.IsDirect);
                var inherited = bySku.Where(s => !LicenseStates.IsDirect(s)).ToList();
                var row = new DirectLicenseAssignment
                {
                    UserId = Guid.Parse(user.Id!),
                    UserPrincipalName = user.UserPrincipalName,
                    SkuId = sku.SkuId,
                    SkuPartNumber = sku.SkuPartNumber,
                    Assignment = direct != null && inherited.Count > 0 ? "Both" : direct != null ? "Direct" : "Inherited",
                    InheritedGroupIds = inherited.Select(s => Guid.Parse(s.AssignedByGroup!)).Distinct().ToArray(),
                    InheritedFrom = inherited.Select(s => groupNames.TryGetValue(s.AssignedByGroup!, out var n) ? n : s.AssignedByGroup!).Distinct().ToArray(),
                };
                if (direct != null)
                {
                    row.DirectDisabledPlans = PlanParity.Names(sku, LicenseStates.Plans(direct.DisabledPlans));
                }

                if (inherited.Count > 0)
                {
                    var worst = inherited.OrderByDescending(Severity).First();
                    row.InheritedState = worst.State;
                    row.InheritedError = inherited.Where(LicenseStates.HasError).Select(s => s.Error).FirstOrDefault();
                }

                if (direct != null && inherited.Count > 0)
                {
                    var directPlans = PlanParity.Enabled(sku, LicenseStates.Plans(direct.DisabledPlans));
                    var inheritedPlans = PlanParity.EnabledUnion(sku, inherited);
                    var (onlyDirect, onlyInherited) = PlanParity.Differences(sku, directPlans, inheritedPlans);
                    row.OnlyDirectPlans = onlyDirect;
                    row.OnlyInheritedPlans = onlyInherited;
                    row.PlanParity = onlyDirect.Length == 0 && onlyInherited.Length == 0;
                }

                yield return row;
            }
        }

        private static int Severity(LicenseState state) =>
            string.Equals(state.State, "Error", StringComparison.OrdinalIgnoreCase) ? 3
            : string.Equals(state.State, "ActiveWithError", StringComparison.OrdinalIgnoreCase) ? 2
            : string.Equals(state.State, "Disabled", StringComparison.OrdinalIgnoreCase) ? 1
            : 0;

        private static void Count(Dictionary<Guid, DirectLicenseSummary> summaries, DirectLicenseAssignment row)
        {
            if (!summaries.TryGetValue(row.SkuId, out var summary))
            {
                summary = new DirectLicenseSummary { SkuId = row.SkuId, SkuPartNumber = row.SkuPartNumber };
                summaries.Add(row.SkuId, summary);
            }

            summary.Users++;
            switch (row.Assignment)
            {
                case "Direct": summary.DirectOnly++; break;
                case "Inherited": summary.InheritedOnly++; break;
                default:
                    summary.Both++;
                    if (row.PlanParity == false)
                    {
                        summary.BothWithPlanDifference++;
                    }

                    break;
            }

            if (row.InheritedState != null && !string.Equals(row.InheritedState, "Active", StringComparison.OrdinalIgnoreCase))
            {
                summary.InheritedInError++;
            }
        }
    }
}
