using System;

namespace LicenseGovernance
{
    /// <summary>One SKU's seats for an HR run: how many it needs and frees, how many are free, and what is short.</summary>
    public sealed class WorkforceSeatDemand
    {
        public string SkuPartNumber { get; set; } = "";
        public Guid SkuId { get; set; }
        /// <summary>New seats the joiners, movers and leave returns need.</summary>
        public int Needed { get; set; }
        /// <summary>Seats the movers, leaves and leavers give back (after their new tier is active, so not counted as free for this run).</summary>
        public int Freed { get; set; }
        /// <summary>Seats free in the tenant before the run.</summary>
        public int Available { get; set; }
        /// <summary>Seats the refused users would need beyond what is free.</summary>
        public int Shortfall { get; set; }
        public decimal? MonthlyPrice { get; set; }
        /// <summary>What buying the shortfall costs a month; null without a price.</summary>
        public decimal? ShortfallMonthlyCost { get; set; }
        /// <summary>(Needed served - Freed) times the price: the month's cost change from this SKU; null without a price.</summary>
        public decimal? MonthlyCostChange { get; set; }
        public string? Currency { get; set; }

        public override string ToString() => $"{SkuPartNumber}: {Needed} needed, {Available} free, {Freed} freed" + (Shortfall > 0 ? $", {Shortfall} short" : "");
    }
}
