using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.MembershipRules;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>
    /// Test-LicenseMembershipRule: what a dynamic rule would do if it were saved now — who joins, who leaves, who would
    /// sit in two tiers, seats and money — worked out from a read of every user. Nothing is written.
    /// </summary>
    internal static class MembershipRulePreviewer
    {
        public static async Task<LicenseRulePreview> PreviewAsync(GraphSession session, TestMembershipRuleRequest request, IReadOnlyList<LicenseSku> tenantSkus, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var text = (request.Rule ?? "").Trim();
            if (!MembershipRule.TryParse(text, out var rule, out var syntax))
            {
                throw Errors.MembershipRuleInvalid(text, syntax!.Position, syntax.Reason).ToException();
            }

            TierGroupState? target = null;
            if (!string.IsNullOrWhiteSpace(request.Group))
            {
                target = await TierGroupDirectory.RequireAsync(session, request.Group!.Trim(), cancellation).ConfigureAwait(false);
            }

            IReadOnlyList<LicenseSku> skus = !string.IsNullOrWhiteSpace(request.Sku)
                ? new[] { LicenseSelection.ResolveOne(tenantSkus, request.Sku!) }
                : target == null ? new List<LicenseSku>() : target.Licenses.Select(l => tenantSkus.FirstOrDefault(s => s.SkuId == l.SkuId)).Where(s => s != null).Select(s => s!).ToList();

            var targetId = target?.Group.Id;
            var currentMembers = target == null
                ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>((await TierGroupDirectory.UserMembersAsync(session, targetId!, new[] { "id" }, cancellation).ConfigureAwait(false)).Select(u => u.Id!), StringComparer.OrdinalIgnoreCase);
            var inOtherTiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var tier in await TierGroupDirectory.ListTiersAsync(session, cancellation).ConfigureAwait(false))
            {
                if (!string.Equals(tier.Group.Id, targetId, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var member in await TierGroupDirectory.UserMembersAsync(session, tier.Group.Id!, new[] { "id" }, cancellation).ConfigureAwait(false))
                    {
                        inOtherTiers.Add(member.Id!);
                    }
                }
            }

            var preview = new LicenseRulePreview { Rule = text };
            var joining = new List<string>();
            var leaving = new List<string>();
            var twoTiers = new List<string>();
            var demand = skus.ToDictionary(s => s.SkuId, _ => 0);
            var freed = skus.ToDictionary(s => s.SkuId, _ => 0);
            var select = new[] { "id", "userPrincipalName", "assignedLicenses", "licenseAssignmentStates" }.Concat(UserRuleSubject.SelectFor(rule!)).Distinct().ToArray();

            preview.UsersEvaluated = (int)await UserStream.ReadAsync(session, select, null, user =>
            {
                var name = user.UserPrincipalName ?? user.Id!;
                var member = currentMembers.Contains(user.Id!);
                if (rule!.Evaluate(new UserRuleSubject(user)))
                {
                    preview.MatchCount++;
                    if (!member)
                    {
                        joining.Add(name);
                        if (inOtherTiers.Contains(user.Id!))
                        {
                            twoTiers.Add(name);
                        }

                        foreach (var sku in skus.Where(s => !Holds(user, s.SkuId)))
                        {
                            demand[sku.SkuId]++;
                        }
                    }
                }
                else if (member)
                {
                    leaving.Add(name);
                    foreach (var sku in skus.Where(s => OnlyFrom(user, s.SkuId, targetId!)))
                    {
                        freed[sku.SkuId]++;
                    }
                }
            }, sink).ConfigureAwait(false);

            preview.Joining = joining.ToArray();
            preview.Leaving = leaving.ToArray();
            preview.InOtherTier = twoTiers.ToArray();
            if (skus.Count > 0)
            {
                // A bundle is only as good as its scarcest SKU, so the seat figures are that SKU's.
                var tightest = skus.OrderByDescending(s => demand[s.SkuId] - s.AvailableUnits).ThenBy(s => s.AvailableUnits).First();
                preview.SkuPartNumber = string.Join("+", skus.Select(s => s.SkuPartNumber));
                preview.SeatDemand = demand[tightest.SkuId];
                preview.AvailableSeats = tightest.AvailableUnits;
                preview.SeatShortfall = Math.Max(0, preview.SeatDemand - preview.AvailableSeats);
                var priced = skus.All(s => s.MonthlyPrice.HasValue) && skus.Select(s => s.Currency).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1;
                if (priced)
                {
                    preview.MonthlyCostChange = skus.Sum(s => (demand[s.SkuId] - freed[s.SkuId]) * s.MonthlyPrice!.Value);
                    preview.Currency = skus[0].Currency;
                }
            }

            return preview;
        }

        private static bool Holds(User user, Guid skuId) => user.AssignedLicenses?.Any(l => l.SkuId == skuId) == true;

        /// <summary>True when the user holds the SKU from this group and from nowhere else, so leaving frees a seat.</summary>
        private static bool OnlyFrom(User user, Guid skuId, string groupId)
        {
            var sources = LicenseStates.Of(user).Where(s => s.SkuId == skuId && LicenseStates.HoldsSeat(s)).ToList();
            return sources.Count > 0 && sources.All(s => LicenseStates.FromGroup(s, groupId));
        }
    }
}
