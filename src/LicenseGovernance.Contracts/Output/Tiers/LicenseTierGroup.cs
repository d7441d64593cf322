using System;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>A licence tier: one security group used only for licensing, carrying one or more SKUs with chosen plans.</summary>
    public sealed class LicenseTierGroup
    {
        public Guid GroupId { get; set; }
        public string DisplayName { get; set; } = "";
        public string? Description { get; set; }
        /// <summary>The tier's rank (-Rank): higher ranks are upgrades of lower ones.</summary>
        public int TierRank { get; set; }
        /// <summary>The tier every licensed user falls back to.</summary>
        public bool IsBaseline { get; set; }
        /// <summary>Static or Dynamic.</summary>
        public string MembershipType { get; set; } = "Static";
        public string? MembershipRule { get; set; }
        /// <summary>On or Paused (dynamic groups).</summary>
        public string? RuleProcessingState { get; set; }
        public ItemList<LicenseTierSku> Skus { get; set; } = new ItemList<LicenseTierSku>();
        public int MemberCount { get; set; }
        /// <summary>QueuedForProcessing, ProcessingInProgress or ProcessingComplete.</summary>
        public string? ProcessingState { get; set; }
        /// <summary>Members whose licence from this group is in an error state.</summary>
        public int ErrorCount { get; set; }
        /// <summary>For each SKU, the members who hold it through this tier (not those in error) times its monthly price; null when a price is unknown.</summary>
        public decimal? MonthlyCost { get; set; }
        public string? Currency { get; set; }

        /// <summary>Flat form of <see cref="Skus"/> for Export-Csv.</summary>
        public string SkuPartNumbers => string.Join(";", Skus.Select(s => s.SkuPartNumber));

        public override string ToString() => DisplayName;
    }

    /// <summary>One SKU of a tier with the plans the tier enables.</summary>
    public sealed class LicenseTierSku
    {
        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        public string? ProductName { get; set; }
        public ItemList<string> EnabledPlans { get; set; } = new ItemList<string>();
        public ItemList<string> DisabledPlans { get; set; } = new ItemList<string>();

        public override string ToString() => SkuPartNumber;
    }
}
