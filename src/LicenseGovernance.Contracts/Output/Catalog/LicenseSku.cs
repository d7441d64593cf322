using System;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>A SKU the tenant subscribes to, with seat counts, plans, friendly names and price when known.</summary>
    public sealed class LicenseSku
    {
        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        /// <summary>Friendly product name from the catalogue; the part number when the catalogue does not know the SKU (see <see cref="InCatalog"/>).</summary>
        public string? ProductName { get; set; }
        /// <summary>False for a SKU no catalogue knows yet (new, regional, trial): its ProductName is then its part number. Import-LicenseCatalog names it.</summary>
        public bool InCatalog { get; set; }
        public string? AppliesTo { get; set; }
        public string? CapabilityStatus { get; set; }
        public int EnabledUnits { get; set; }
        public int ConsumedUnits { get; set; }
        /// <summary>Enabled minus consumed, never below zero.</summary>
        public int AvailableUnits { get; set; }
        public int SuspendedUnits { get; set; }
        public int WarningUnits { get; set; }
        public int LockedOutUnits { get; set; }
        public ItemList<LicenseServicePlan> ServicePlans { get; set; } = new ItemList<LicenseServicePlan>();
        /// <summary>Monthly price per seat; null when unknown (never invented).</summary>
        public decimal? MonthlyPrice { get; set; }
        public string? Currency { get; set; }
        /// <summary>Where the price came from: User (Set-/Import-LicensePrice) or BuiltIn (public list price, dated).</summary>
        public string? PriceSource { get; set; }

        /// <summary>Flat form of <see cref="ServicePlans"/> so the object survives Export-Csv.</summary>
        public string ServicePlanNames => string.Join(";", ServicePlans.Select(p => p.ServicePlanName));

        public override string ToString() => SkuPartNumber;
    }

    public sealed class LicenseServicePlan
    {
        public Guid ServicePlanId { get; set; }
        public string ServicePlanName { get; set; } = "";
        public string? FriendlyName { get; set; }
        public string? ProvisioningStatus { get; set; }
        public string? AppliesTo { get; set; }

        public override string ToString() => ServicePlanName;
    }
}
