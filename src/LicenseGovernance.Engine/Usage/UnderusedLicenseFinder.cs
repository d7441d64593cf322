using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Usage
{
    /// <summary>
    /// Get-UnderusedLicense. The rule: a user holding a premium SKU is reported when the usage reports show activity within
    /// the period and every workload and app they show is in the cheaper tier of the same family. Users with no activity at
    /// all are counted in a warning instead (they need no licence, which is Get-ZombieLicense's finding, not a cheaper one).
    /// Disabled accounts are counted in a warning too, for the same reason, whatever activity the period shows before the
    /// account was disabled.
    /// Usage reports cannot show premium-only features (Defender, Entra ID P2, Purview, Power BI, Teams Phone), so each row
    /// lists them as not visible: the finding is "nothing in the reports needs the premium SKU", never "the user needs none of it".
    /// </summary>
    internal static class UnderusedLicenseFinder
    {
        public static readonly string[] Periods = { "D7", "D30", "D90", "D180" };

        internal static readonly string[] UserSelect = { "id", "userPrincipalName", "displayName", "accountEnabled", "assignedLicenses", "licenseAssignmentStates" };

        public static async Task RunAsync(
            GraphSession session,
            GetUnderusedLicenseRequest request,
            IReadOnlyList<LicenseSku> tenantSkus,
            Func<Guid, string, LicensePrice?> priceOf,
            Func<Guid, string, string?> productNameOf,
            IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var period = Periods.FirstOrDefault(p => string.Equals(p, request.Period?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw Errors.UsagePeriodInvalid(request.Period ?? "").ToException();
            var days = int.Parse(period.Substring(1), CultureInfo.InvariantCulture);

            var targets = SelectTiers(request, tenantSkus, sink);
            if (targets.Count == 0)
            {
                return;
            }

            // The setting, when readable, saves downloading reports that could not be matched to anyone.
            if (await UsageReportReader.ReadNamesConcealedSettingAsync(session, sink.WriteVerbose, cancellation).ConfigureAwait(false) == true)
            {
                throw Errors.UsageReportNamesConcealed("the report settings have displayConcealedNames true").ToException();
            }

            using var spill = new UsageSpill();
            await ReadReportsAsync(session, period, spill, cancellation).ConfigureAwait(false);

            var offers = targets.Select(t => Offer(t.Sku, t.Tier, tenantSkus, priceOf, productNameOf, sink)).ToList();
            var noActivity = offers.ToDictionary(o => o.Sku.SkuId, _ => 0);
            var disabled = offers.ToDictionary(o => o.Sku.SkuId, _ => 0);
            var notInReport = 0;
            var holdsNone = 0;
            var premiumNames = string.Join(", ", offers.Select(o => o.Sku.SkuPartNumber));

            // What needs no report is settled as the users arrive; the rest waits on disk for the report rows of its users.
            void Handle(User user)
            {
                var held = Held(user);
                if (!offers.Any(o => held.Contains(o.Sku.SkuId)))
                {
                    // A listing of several SKUs reads every user; a named one is said why nothing came back for them.
                    if (request.User != null && request.User.Length > 0)
                    {
                        holdsNone++;
                        sink.WriteVerbose($"{user.UserPrincipalName} holds none of {premiumNames}, so there is nothing to compare with a cheaper tier.");
                    }
                }
                else if (user.AccountEnabled == false)
                {
                    // A disabled account uses nothing from now on, whatever the period shows: it needs no licence, not a cheaper one.
                    foreach (var offer in offers.Where(o => held.Contains(o.Sku.SkuId)))
                    {
                        disabled[offer.Sku.SkuId]++;
                        sink.WriteVerbose($"{user.UserPrincipalName} holds {offer.Sku.SkuPartNumber} on a disabled account, so it is not offered {offer.Tier.CheaperPartNumber}.");
                    }
                }
                else
                {
                    spill.AddUser(user);
                }
            }

            void JudgeHolder(User user, ActiveUserRows activeUsers, AppUserRows apps)
            {
                var held = Held(user);
                var upn = user.UserPrincipalName ?? "";
                foreach (var offer in offers.Where(o => held.Contains(o.Sku.SkuId)))
                {
                    if (!activeUsers.TryGetValue(upn, out var row))
                    {
                        notInReport++;
                        sink.WriteVerbose($"{upn} holds {offer.Sku.SkuPartNumber} but is not in {UsageReportReader.ActiveUserReport} yet (licensed after the report's refresh date).");
                        continue;
                    }

                    apps.TryGetValue(upn, out var appRow);
                    var (result, active) = Judge(user, held, row, appRow, offer, period, days);
                    if (!active)
                    {
                        noActivity[offer.Sku.SkuId]++;
                    }
                    else if (result != null)
                    {
                        sink.WriteObject(result);
                    }
                    else
                    {
                        sink.WriteVerbose($"{upn} uses something {offer.Tier.CheaperPartNumber} does not include, so {offer.Sku.SkuPartNumber} stays.");
                    }
                }
            }

            // One SKU narrows the listing on the service side; for several every user is read once.
            var filter = offers.Count == 1 ? $"assignedLicenses/any(x:x/skuId eq {offers[0].Sku.SkuId})" : null;
            await UserStream.ReadNamedOrAllAsync(session, UserSelect, request.User, filter, Handle, sink).ConfigureAwait(false);
            spill.ForEachUser(JudgeHolder);

            foreach (var offer in offers.Where(o => noActivity[o.Sku.SkuId] > 0))
            {
                sink.WriteWarning($"{noActivity[offer.Sku.SkuId]} holder(s) of {offer.Sku.SkuPartNumber} show no activity in any workload or app in the last {days} days. " +
                    "They are candidates for removing the licence, not for a cheaper one: see Get-ZombieLicense.");
            }

            foreach (var offer in offers.Where(o => disabled[o.Sku.SkuId] > 0))
            {
                sink.WriteWarning($"{disabled[offer.Sku.SkuId]} holder(s) of {offer.Sku.SkuPartNumber} have a disabled account. " +
                    "They need no licence rather than a cheaper one, so they are not reported here: see Get-ZombieLicense -Reason Disabled.");
            }

            if (holdsNone > 0)
            {
                sink.WriteWarning($"{holdsNone} of the named user(s) hold none of {premiumNames}, so they were not judged; run -Verbose to see who.");
            }

            if (notInReport > 0)
            {
                sink.WriteWarning($"{notInReport} licence holder(s) are not in the usage report yet (reports lag by a day or two), so they were not judged; run -Verbose to see who.");
            }
        }

        /// <summary>Both usage reports into the spill; refuses reports whose rows conceal user names.</summary>
        private static async Task ReadReportsAsync(GraphSession session, string period, UsageSpill spill, System.Threading.CancellationToken cancellation)
        {
            var active = await UsageReportReader.ReadActiveUsersAsync(session, period, spill.AddActivity, cancellation).ConfigureAwait(false);
            if (UsageReportReader.NamesConcealed(active))
            {
                throw Errors.UsageReportNamesConcealed($"{UsageReportReader.ActiveUserReport} shows hashed identifiers instead of user principal names").ToException();
            }

            spill.Partition();
            var apps = await UsageReportReader.ReadAppUsersAsync(session, period, spill.AddAppUse, cancellation).ConfigureAwait(false);
            if (UsageReportReader.NamesConcealed(apps))
            {
                throw Errors.UsageReportNamesConcealed($"{UsageReportReader.AppUserReport} shows hashed identifiers instead of user principal names").ToException();
            }
        }

        private static HashSet<Guid> Held(User user) =>
            new HashSet<Guid>((user.AssignedLicenses ?? new List<AssignedLicense>()).Where(l => l.SkuId.HasValue).Select(l => l.SkuId!.Value));

        private static List<(LicenseSku Sku, PremiumTier Tier)> SelectTiers(GetUnderusedLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, IGovernanceSink sink)
        {
            var known = PremiumTier.All.Select(t => t.PremiumPartNumber).ToArray();
            var targets = new List<(LicenseSku, PremiumTier)>();
            if (request.Sku != null && request.Sku.Length > 0)
            {
                foreach (var sku in LicenseSelection.FilterSkus(tenantSkus, request.Sku, sink.WriteError))
                {
                    var tier = PremiumTier.For(sku.SkuId, sku.SkuPartNumber);
                    if (tier == null)
                    {
                        sink.WriteError(Errors.UsageSkuHasNoCheaperTier(sku.SkuPartNumber, known));
                    }
                    else if (!targets.Exists(t => t.Item1.SkuId == sku.SkuId))
                    {
                        targets.Add((sku, tier));
                    }
                }

                return targets;
            }

            foreach (var sku in tenantSkus)
            {
                var tier = PremiumTier.For(sku.SkuId, sku.SkuPartNumber);
                if (tier != null)
                {
                    targets.Add((sku, tier));
                }
            }

            if (targets.Count == 0)
            {
                sink.WriteWarning($"The tenant subscribes to none of the premium SKUs Get-UnderusedLicense compares with a cheaper tier ({string.Join(", ", known)}); there is nothing to report.");
            }

            return targets;
        }

        private static TierOffer Offer(LicenseSku sku, PremiumTier tier, IReadOnlyList<LicenseSku> tenantSkus, Func<Guid, string, LicensePrice?> priceOf, Func<Guid, string, string?> productNameOf, IGovernanceSink sink)
        {
            var cheaper = tenantSkus.FirstOrDefault(s => s.SkuId == tier.CheaperSkuId);
            var cheaperPrice = cheaper?.MonthlyPrice != null
                ? (cheaper.MonthlyPrice, cheaper.Currency)
                : priceOf(tier.CheaperSkuId, tier.CheaperPartNumber) is LicensePrice p ? (p.MonthlyPrice, p.Currency) : ((decimal?)null, (string?)null);
            var offer = new TierOffer(sku, tier)
            {
                CheaperProductName = cheaper?.ProductName ?? productNameOf(tier.CheaperSkuId, tier.CheaperPartNumber),
                CheaperMonthlyPrice = cheaperPrice.Item1,
                CheaperCurrency = cheaperPrice.Item2,
            };

            // With both SKUs' plans at hand, what the premium SKU adds is exactly the plans the cheaper one lacks.
            offer.NotVisible = cheaper != null && cheaper.ServicePlans.Count > 0 && sku.ServicePlans.Count > 0
                ? sku.ServicePlans.Where(p => !cheaper.ServicePlans.Any(c => c.ServicePlanId == p.ServicePlanId))
                    .Select(p => p.FriendlyName ?? p.ServicePlanName).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()
                : tier.NotVisible.ToArray();

            foreach (var (part, price) in new[] { (sku.SkuPartNumber, sku.MonthlyPrice), (tier.CheaperPartNumber, offer.CheaperMonthlyPrice) })
            {
                if (price == null)
                {
                    sink.WriteWarning($"No price is known for {part}, so savings against it are left empty. Set one: Set-LicensePrice -Sku {part} -MonthlyPrice <price> -Currency <currency>.");
                }
            }

            if (sku.MonthlyPrice != null && offer.CheaperMonthlyPrice != null && !string.Equals(sku.Currency, offer.CheaperCurrency, StringComparison.OrdinalIgnoreCase))
            {
                sink.WriteWarning($"{sku.SkuPartNumber} is priced in {sku.Currency} and {tier.CheaperPartNumber} in {offer.CheaperCurrency}; savings are left empty. Give both the same currency with Set-LicensePrice.");
            }

            return offer;
        }

        /// <summary>
        /// The finding for one user and premium SKU; Active is false when the reports show no activity in the period, and the
        /// finding is null when the user uses something the cheaper tier lacks.
        /// </summary>
        /// <param name="held">The SKUs the user holds (assignedLicenses).</param>
        internal static (UnderusedLicense? Finding, bool Active) Judge(User user, ISet<Guid> held, ActiveUserReportRow row, AppUserReportRow? appRow, TierOffer offer, string period, int days)
        {
            var holdsCheaper = held.Contains(offer.Tier.CheaperSkuId);
            var sources = LicenseStates.Of(user).Where(st => st.SkuId == offer.Sku.SkuId && LicenseStates.HoldsSeat(st)).ToList();
            var direct = sources.Any(LicenseStates.IsDirect);
            var groups = sources.Where(st => !LicenseStates.IsDirect(st)).Select(st => Guid.TryParse(st.AssignedByGroup, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToArray();
            var refresh = row.ReportRefreshDate ?? appRow?.ReportRefreshDate;
            var from = refresh?.AddDays(1 - days);
            var workloads = UsageReportReader.Workloads.Where(w => row.LastActivity[w] is DateTime d && (from == null || d >= from)).ToArray();
            var appsUsed = appRow?.AppsUsed.ToArray() ?? Array.Empty<string>();
            if (workloads.Length == 0 && appsUsed.Length == 0)
            {
                return (null, false);
            }

            var platforms = UsageReportReader.Platforms.Where(p => appsUsed.Any(a => a.EndsWith("(" + p + ")", StringComparison.Ordinal))).ToArray();
            var needs = workloads.ToList();
            if (platforms.Contains("Windows") || platforms.Contains("Mac"))
            {
                needs.Add(PremiumTier.DesktopApps);
            }

            if (!needs.All(offer.Tier.Covers.Contains))
            {
                return (null, true);
            }

            var lastDates = row.LastActivity.Values.Where(d => d.HasValue).Select(d => d!.Value).ToList();
            if (appRow?.LastActivityDate is DateTime appLast)
            {
                lastDates.Add(appLast);
            }

            var sku = offer.Sku;
            // A user who already holds the cheaper tier keeps paying for it either way: removing the premium SKU saves all of its price.
            var saving = holdsCheaper ? sku.MonthlyPrice
                : sku.MonthlyPrice != null && offer.CheaperMonthlyPrice != null && string.Equals(sku.Currency, offer.CheaperCurrency, StringComparison.OrdinalIgnoreCase)
                    ? sku.MonthlyPrice.Value - offer.CheaperMonthlyPrice.Value
                    : (decimal?)null;
            var result = new UnderusedLicense
            {
                UserId = Guid.TryParse(user.Id, out var id) ? id : Guid.Empty,
                UserPrincipalName = user.UserPrincipalName,
                DisplayName = user.DisplayName,
                AccountEnabled = user.AccountEnabled,
                SkuId = sku.SkuId,
                SkuPartNumber = sku.SkuPartNumber,
                ProductName = sku.ProductName,
                SuggestedSkuId = offer.Tier.CheaperSkuId,
                SuggestedSkuPartNumber = offer.Tier.CheaperPartNumber,
                SuggestedProductName = offer.CheaperProductName,
                AlreadyHoldsSuggested = holdsCheaper,
                Assignment = direct && groups.Length > 0 ? "Both" : groups.Length > 0 ? "Inherited" : "Direct",
                InheritedGroupIds = groups,
                MonthlyPrice = sku.MonthlyPrice,
                SuggestedMonthlyPrice = offer.CheaperMonthlyPrice,
                MonthlySaving = saving,
                AnnualSaving = saving * 12,
                Currency = saving != null ? sku.Currency : null,
                Period = period,
                ReportRefreshDate = refresh,
                LastActivityDate = lastDates.Count == 0 ? (DateTime?)null : lastDates.Max(),
                ExchangeLastActivity = row.LastActivity["Exchange"],
                OneDriveLastActivity = row.LastActivity["OneDrive"],
                SharePointLastActivity = row.LastActivity["SharePoint"],
                TeamsLastActivity = row.LastActivity["Teams"],
                YammerLastActivity = row.LastActivity["Yammer"],
                SkypeForBusinessLastActivity = row.LastActivity["Skype For Business"],
                WorkloadsUsed = workloads,
                AppsUsed = appsUsed,
                Platforms = platforms,
                NotVisibleInReports = offer.NotVisible,
            };
            result.Evidence = Describe(result, row, days, offer);
            return (result, true);
        }

        private static string Describe(UnderusedLicense r, ActiveUserReportRow row, int days, TierOffer offer)
        {
            var through = r.ReportRefreshDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the report's refresh date";
            var workloads = r.WorkloadsUsed.Count == 0
                ? "no workload activity"
                : string.Join(", ", r.WorkloadsUsed.Select(w => $"{w} {row.LastActivity[w]:yyyy-MM-dd}"));
            var apps = r.AppsUsed.Count == 0 ? "no Microsoft 365 Apps" : "apps " + string.Join(", ", r.AppsUsed);
            var tier = offer.CheaperProductName ?? offer.Tier.CheaperPartNumber;
            var action = " " + Action(r, r.ProductName ?? r.SkuPartNumber, tier);
            var hidden = r.NotVisibleInReports.Count == 0 ? "" : $" Not visible in usage reports, so check before changing: {string.Join(", ", r.NotVisibleInReports)}.";
            return $"Last {days} days to {through}: {workloads}; {apps}. {tier} covers all of it.{action}{hidden}";
        }

        /// <summary>
        /// What changes the licence, the way it arrives: a direct assignment by assignLicense, a group licence only by the
        /// user leaving the group (Graph refuses to remove an inherited licence from the user), and with both, both.
        /// </summary>
        private static string Action(UnderusedLicense r, string premium, string tier)
        {
            var groups = string.Join(", ", r.InheritedGroupIds.Select(g => g.ToString()));
            var leave = $"group(s) {groups} (or the access package that adds the user to them)";
            switch (r.Assignment)
            {
                case "Inherited":
                    return r.AlreadyHoldsSuggested
                        ? $"The user already holds {tier}; {premium} comes from {leave}, so removing the user from them is enough."
                        : $"{premium} comes from {leave}: move the user from them to the group or access package that gives {tier}.";
                case "Both":
                    return r.AlreadyHoldsSuggested
                        ? $"The user already holds {tier}; {premium} is assigned directly and also comes from {leave}: remove the direct assignment (assignLicense) and remove the user from those groups, or a seat stays used."
                        : $"{premium} is assigned directly and also comes from {leave}: remove the direct assignment (assignLicense) and move the user from those groups to the group or access package that gives {tier}, or a seat of {premium} stays used.";
                default:
                    return r.AlreadyHoldsSuggested
                        ? $"The user already holds {tier}: removing {premium} (assignLicense) is enough."
                        : $"{premium} is assigned directly: assign {tier} and remove {premium} in one assignLicense call.";
            }
        }

        internal sealed class TierOffer
        {
            public TierOffer(LicenseSku sku, PremiumTier tier)
            {
                Sku = sku;
                Tier = tier;
            }

            public LicenseSku Sku { get; }
            public PremiumTier Tier { get; }
            public string? CheaperProductName { get; set; }
            public decimal? CheaperMonthlyPrice { get; set; }
            public string? CheaperCurrency { get; set; }
            public string[] NotVisible { get; set; } = Array.Empty<string>();
        }
    }
}
