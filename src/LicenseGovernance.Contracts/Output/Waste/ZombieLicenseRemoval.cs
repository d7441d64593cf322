using System;

namespace LicenseGovernance
{
    /// <summary>What Remove-ZombieLicense did (or, under -WhatIf, would do) with one zombie licence.</summary>
    public sealed class ZombieLicenseRemoval
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public string SkuPartNumber { get; set; } = "";
        /// <summary>Removed, Skipped, Failed or NotConfirmed (-WhatIf, or the confirmation was declined).</summary>
        public ZombieRemovalOutcome Outcome { get; set; }
        /// <summary>The changes made or planned, for example "remove the direct licence", "remove from group LIC-M365-E5".</summary>
        public ItemList<string> Changes { get; set; } = new ItemList<string>();
        public string Detail { get; set; } = "";
        /// <summary>The piped licence's own price.</summary>
        public decimal? MonthlyCost { get; set; }
        public decimal? AnnualCost { get; set; }
        /// <summary>The currency of <see cref="MonthlyCost"/> and of the recovered figures.</summary>
        public string? Currency { get; set; }
        /// <summary>
        /// Other SKUs the change frees: leaving a group (or ending the access package assignment) takes away every licence the
        /// user held only from the groups being left. Each user and SKU is listed once in a run, with the change that frees it.
        /// </summary>
        public ItemList<ZombieLicenseFreedSku> AlsoFreed { get; set; } = new ItemList<ZombieLicenseFreedSku>();
        /// <summary>
        /// Set when an earlier licence of the same run already freed this one (it was in that licence's <see cref="AlsoFreed"/>):
        /// that licence's SKU. Its money is counted there, not again here.
        /// </summary>
        public string? CountedWith { get; set; }
        /// <summary>
        /// The money this change recovers (or, when not confirmed, would recover) in <see cref="Currency"/>: the licence's own
        /// price unless <see cref="CountedWith"/> is set, plus <see cref="AlsoFreed"/>. Null when none of it has a price.
        /// The summary's totals are the sums of these figures.
        /// </summary>
        public decimal? MonthlyRecovered { get; set; }
        public decimal? AnnualRecovered { get; set; }
        /// <summary>The journal's correlation id for the run, for Undo-LicenseChange -CorrelationId.</summary>
        public Guid? CorrelationId { get; set; }
    }

    /// <summary>A SKU that a zombie licence's removal takes away with it, because the user held it only from the groups left.</summary>
    public sealed class ZombieLicenseFreedSku
    {
        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        /// <summary>The group whose membership (or access package assignment) carried it.</summary>
        public string? GroupName { get; set; }
        public decimal? MonthlyCost { get; set; }
        public decimal? AnnualCost { get; set; }
        public string? Currency { get; set; }

        public override string ToString() => SkuPartNumber;
    }

    /// <summary>The whole run of Remove-ZombieLicense.</summary>
    public sealed class ZombieLicenseRemovalSummary
    {
        public int Removed { get; set; }
        public int Skipped { get; set; }
        public int Failed { get; set; }
        public int NotConfirmed { get; set; }
        /// <summary>
        /// Money recovered by what was removed, each user and SKU counted once: the piped licences and the other SKUs their
        /// changes freed (<see cref="ZombieLicenseRemoval.AlsoFreed"/>). Per currency, the first one when prices mix currencies.
        /// </summary>
        public decimal MonthlyRecovered { get; set; }
        public decimal AnnualRecovered { get; set; }
        /// <summary>What the not-confirmed removals would recover, counted the same way (the figure -WhatIf reports).</summary>
        public decimal MonthlyNotConfirmed { get; set; }
        public decimal AnnualNotConfirmed { get; set; }
        public string? Currency { get; set; }
        /// <summary>Other SKUs the removals took with them (<see cref="ZombieLicenseRemoval.AlsoFreed"/>): in the money figures, not in <see cref="Removed"/>.</summary>
        public int AlsoFreed { get; set; }
        /// <summary>Licences removed (piped or also freed) that are not in the money figures: no price is known, or it is in a currency other than <see cref="Currency"/>.</summary>
        public int RemovedWithoutPrice { get; set; }
        public bool WhatIf { get; set; }
        public Guid? CorrelationId { get; set; }
    }
}
