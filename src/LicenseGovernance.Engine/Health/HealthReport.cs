using System;
using System.Collections.Generic;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>Everything Export-LicenseHealthReport draws; the renderer is a pure function of it.</summary>
    internal sealed class HealthReport
    {
        public LicenseHealth Health { get; set; } = new LicenseHealth();
        /// <summary>The tenant's name as the connection shows it (domain or id).</summary>
        public string? TenantName { get; set; }
        public DateTimeOffset GeneratedAt { get; set; }
        public IReadOnlyList<SkuSpend> Spend { get; set; } = Array.Empty<SkuSpend>();
        public IReadOnlyList<WasteByReason> WasteByReason { get; set; } = Array.Empty<WasteByReason>();
        /// <summary>The underused premium seats and their saving; null when nobody asked for it.</summary>
        public PremiumSaving? PremiumSaving { get; set; }
        /// <summary>Earlier reports' points and this one's, oldest first.</summary>
        public IReadOnlyList<HealthTrendPoint> Trend { get; set; } = Array.Empty<HealthTrendPoint>();
    }

    /// <summary>One SKU's seats and what they cost a month, split into seats in use, seats on zombies and unassigned seats.</summary>
    internal sealed class SkuSpend
    {
        public string SkuPartNumber { get; set; } = "";
        public string? ProductName { get; set; }
        public int Purchased { get; set; }
        public int Assigned { get; set; }
        public int AssignedToZombies { get; set; }
        public int Available { get; set; }
        /// <summary>Null when the SKU has no price; then every cost is null too.</summary>
        public decimal? MonthlyPrice { get; set; }
        public string? Currency { get; set; }
        public decimal? PurchasedMonthlyCost { get; set; }
        public decimal? ActiveMonthlyCost { get; set; }
        public decimal? ZombieMonthlyCost { get; set; }
        public decimal? UnassignedMonthlyCost { get; set; }
    }

    /// <summary>Wasted seats and their monthly cost under one reason (Unassigned, or a zombie reason).</summary>
    internal sealed class WasteByReason
    {
        public string Reason { get; set; } = "";
        public int Seats { get; set; }
        public decimal MonthlyCost { get; set; }
    }

    /// <summary>One report's score, as read back from its machine-readable element.</summary>
    internal sealed class HealthTrendPoint
    {
        public DateTimeOffset MeasuredAt { get; set; }
        public int Score { get; set; }
        public decimal MonthlyWaste { get; set; }
        public string? Currency { get; set; }
    }
}
