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
        public string Outcome { get; set; } = "";
        /// <summary>The changes made or planned, for example "remove the direct licence", "remove from group LIC-M365-E5".</summary>
        public string[] Changes { get; set; } = Array.Empty<string>();
        public string Detail { get; set; } = "";
        public decimal? MonthlyCost { get; set; }
        public decimal? AnnualCost { get; set; }
        public string? Currency { get; set; }
        /// <summary>The journal's correlation id for the run, for Undo-LicenseChange -CorrelationId.</summary>
        public Guid? CorrelationId { get; set; }
    }

    /// <summary>The whole run of Remove-ZombieLicense.</summary>
    public sealed class ZombieLicenseRemovalSummary
    {
        public int Removed { get; set; }
        public int Skipped { get; set; }
        public int Failed { get; set; }
        public int NotConfirmed { get; set; }
        /// <summary>Money recovered by what was removed (per currency, the first one when prices mix currencies).</summary>
        public decimal MonthlyRecovered { get; set; }
        public decimal AnnualRecovered { get; set; }
        /// <summary>What the not-confirmed removals would recover (the figure -WhatIf reports).</summary>
        public decimal MonthlyNotConfirmed { get; set; }
        public decimal AnnualNotConfirmed { get; set; }
        public string? Currency { get; set; }
        /// <summary>Licences removed that are not in the money figures: no price is known, or it is in a currency other than <see cref="Currency"/>.</summary>
        public int RemovedWithoutPrice { get; set; }
        public bool WhatIf { get; set; }
        public Guid? CorrelationId { get; set; }
    }
}
