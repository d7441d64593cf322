using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// The zombie licences of one SKU that share the same reasons: how many and what they cost a month. A measurement keeps
    /// these rather than every licence, so measuring a tenant of 200,000 users holds a few rows, not 80,000 licences.
    /// </summary>
    internal sealed class ZombieTally
    {
        private ZombieTally(Guid skuId, ZombieReason[] reasons)
        {
            SkuId = skuId;
            Reasons = reasons;
        }

        public Guid SkuId { get; }

        public IReadOnlyList<ZombieReason> Reasons { get; }

        public int Seats { get; private set; }

        public decimal MonthlyCost { get; private set; }

        /// <summary>Counts <paramref name="zombie"/> in the tally of its SKU and reasons, starting one when there is none.</summary>
        public static void Add(Dictionary<(Guid, string), ZombieTally> tallies, ZombieLicense zombie)
        {
            var reasons = zombie.Reasons.Distinct().OrderBy(r => r).ToArray();
            var key = (zombie.SkuId, string.Join(",", reasons));
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new ZombieTally(zombie.SkuId, reasons);
            }

            tally.Seats++;
            tally.MonthlyCost += zombie.MonthlyCost ?? 0m;
        }
    }
}
