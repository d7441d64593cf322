using System;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>One user's offboarding in one line (Start-LicenseOffboarding -Summary): what is done, what waits, and the money.</summary>
    public sealed class LicenseOffboardingSummary
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        /// <summary>Every step done or nothing left to do: a re-run changes nothing.</summary>
        public bool Complete { get; set; }
        public bool WhatIf { get; set; }
        /// <summary>Seats freed since the offboarding began (this run and earlier runs of it), one per SKU.</summary>
        public ItemList<RecoveredLicense> Recovered { get; set; } = new ItemList<RecoveredLicense>();
        /// <summary>SKUs the user keeps for now, with the reason in the License steps (a hold, a mailbox not yet shared, a group the module cannot leave).</summary>
        public ItemList<string> Kept { get; set; } = new ItemList<string>();
        /// <summary>The steps waiting or refused, by name.</summary>
        public ItemList<string> Waiting { get; set; } = new ItemList<string>();
        public int SeatsRecovered => Recovered.Count;
        /// <summary>Null when no recovered SKU has a price in <see cref="Currency"/>.</summary>
        public decimal? MonthlyRecovered { get; set; }
        public decimal? AnnualRecovered => MonthlyRecovered * 12;
        public string? Currency { get; set; }
        public Guid? CorrelationId { get; set; }

        public override string ToString() => $"{UserPrincipalName}: {SeatsRecovered} seat(s) recovered" + (Kept.Count > 0 ? ", kept " + string.Join(", ", Kept.Select(k => k)) : "");
    }
}
