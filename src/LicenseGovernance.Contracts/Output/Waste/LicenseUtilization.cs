using System;

namespace LicenseGovernance
{
    /// <summary>One SKU's seats and what the unused and zombie ones cost.</summary>
    public sealed class LicenseUtilization
    {
        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        public string? ProductName { get; set; }
        /// <summary>Seats bought and enabled (prepaidUnits.enabled).</summary>
        public int Purchased { get; set; }
        /// <summary>Seats in use (consumedUnits).</summary>
        public int Assigned { get; set; }
        /// <summary>Purchased minus assigned, never below zero.</summary>
        public int Available { get; set; }
        /// <summary>Seats in a grace state (prepaidUnits.warning) or suspended; they are not counted as purchased.</summary>
        public int WarningUnits { get; set; }
        public int SuspendedUnits { get; set; }
        /// <summary>Assigned seats held by zombie users (Get-ZombieLicense with the same options).</summary>
        public int AssignedToZombies { get; set; }
        /// <summary>Assigned seats held by someone who uses them.</summary>
        public int AssignedToActive => Math.Max(0, Assigned - AssignedToZombies);
        /// <summary>Assigned as a percentage of purchased; null with nothing purchased.</summary>
        public double? UtilizationPercent { get; set; }
        /// <summary>Seats in real use (assigned to non-zombies) as a percentage of purchased; null with nothing purchased.</summary>
        public double? EffectiveUtilizationPercent { get; set; }

        /// <summary>Monthly price per seat; null when unknown (then every cost below is null too).</summary>
        public decimal? MonthlyPrice { get; set; }
        public string? Currency { get; set; }
        public string? PriceSource { get; set; }

        public decimal? PurchasedMonthlyCost { get; set; }
        public decimal? AssignedMonthlyCost { get; set; }
        public decimal? UnassignedMonthlyCost { get; set; }
        public decimal? ZombieMonthlyCost { get; set; }
        /// <summary>Unassigned plus zombie seats, per month.</summary>
        public decimal? WastedMonthlyCost { get; set; }
        public decimal? WastedAnnualCost { get; set; }

        public override string ToString() => SkuPartNumber;
    }
}
