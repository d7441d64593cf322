using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>Turns the waste scanner's measurement into the score's waste input and the report's spend and waste rows.</summary>
    internal static class HealthWaste
    {
        /// <summary>The order in which a zombie seat with several reasons is attributed to one of them, so no seat counts twice.</summary>
        public static readonly ZombieReason[] ReasonOrder = { ZombieReason.Disabled, ZombieReason.Departed, ZombieReason.Inactive, ZombieReason.NeverSignedIn };

        public const string UnassignedReason = "Unassigned";

        public static WasteInput Input(WasteMeasurement waste)
        {
            var priced = Priced(waste);
            return new WasteInput
            {
                PurchasedMonthlyCost = priced.Sum(u => u.PurchasedMonthlyCost ?? 0m),
                UnassignedMonthlyCost = priced.Sum(u => u.UnassignedMonthlyCost ?? 0m),
                ZombieMonthlyCost = priced.Sum(u => u.ZombieMonthlyCost ?? 0m),
                UnassignedSeats = priced.Sum(u => u.Available),
                ZombieSeats = priced.Sum(u => u.AssignedToZombies),
                UnpricedSkus = waste.Utilization.Count(u => u.Purchased > 0 && !priced.Contains(u)),
                Currency = Currency(waste),
            };
        }

        public static IReadOnlyList<SkuSpend> Spend(WasteMeasurement waste) =>
            waste.Utilization.Select(u => new SkuSpend
            {
                SkuPartNumber = u.SkuPartNumber,
                ProductName = u.ProductName,
                Purchased = u.Purchased,
                Assigned = u.Assigned,
                AssignedToZombies = u.AssignedToZombies,
                Available = u.Available,
                MonthlyPrice = u.MonthlyPrice,
                Currency = u.Currency,
                PurchasedMonthlyCost = u.PurchasedMonthlyCost,
                ActiveMonthlyCost = u.AssignedMonthlyCost == null ? (decimal?)null : Math.Max(0m, u.AssignedMonthlyCost.Value - (u.ZombieMonthlyCost ?? 0m)),
                ZombieMonthlyCost = u.ZombieMonthlyCost,
                UnassignedMonthlyCost = u.UnassignedMonthlyCost,
            }).ToList();

        /// <summary>Unassigned seats first, then each zombie reason in <see cref="ReasonOrder"/>; priced seats only, as in the score.</summary>
        public static IReadOnlyList<WasteByReason> ByReason(WasteMeasurement waste)
        {
            var priced = Priced(waste);
            var rows = new List<WasteByReason>
            {
                new WasteByReason { Reason = UnassignedReason, Seats = priced.Sum(u => u.Available), MonthlyCost = priced.Sum(u => u.UnassignedMonthlyCost ?? 0m) },
            };
            var pricedSkus = new HashSet<Guid>(priced.Select(u => u.SkuId));
            foreach (var reason in ReasonOrder)
            {
                var zombies = waste.Zombies.Where(z => pricedSkus.Contains(z.SkuId) && PrimaryReason(z.Reasons) == reason).ToList();
                rows.Add(new WasteByReason { Reason = reason.ToString(), Seats = zombies.Sum(z => z.Seats), MonthlyCost = zombies.Sum(z => z.MonthlyCost) });
            }

            return rows;
        }

        public static ZombieReason? PrimaryReason(IReadOnlyCollection<ZombieReason> reasons)
        {
            foreach (var reason in ReasonOrder)
            {
                if (reasons.Contains(reason))
                {
                    return reason;
                }
            }

            return null;
        }

        /// <summary>
        /// SKUs with a price in the report's currency. Amounts in different currencies cannot be added, so with prices in
        /// several the currency that buys the most seats is used and the others are left out (and counted as unpriced).
        /// </summary>
        internal static List<LicenseUtilization> Priced(WasteMeasurement waste)
        {
            var currency = Currency(waste);
            return waste.Utilization.Where(u => u.MonthlyPrice != null && string.Equals(u.Currency ?? "", currency ?? "", StringComparison.OrdinalIgnoreCase)).ToList();
        }

        /// <remarks>By seats, not by the sum of the prices: amounts in different currencies are not comparable.</remarks>
        internal static string? Currency(WasteMeasurement waste) =>
            waste.Utilization.Where(u => u.MonthlyPrice != null)
                .GroupBy(u => u.Currency ?? "", StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Sum(u => (long)u.Purchased)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key.Length == 0 ? null : g.Key).FirstOrDefault();
    }
}
