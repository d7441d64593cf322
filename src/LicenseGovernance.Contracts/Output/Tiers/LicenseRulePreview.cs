using System;

namespace LicenseGovernance
{
    /// <summary>What a dynamic membership rule would do if it were saved now. Nothing is written to get it.</summary>
    public sealed class LicenseRulePreview
    {
        public string Rule { get; set; } = "";
        /// <summary>Users the rule matches.</summary>
        public int MatchCount { get; set; }
        /// <summary>Matching users who are not yet members of the tier group (all matches when no group is named).</summary>
        public ItemList<string> Joining { get; set; } = new ItemList<string>();
        /// <summary>Current members of the tier group that the rule would drop.</summary>
        public ItemList<string> Leaving { get; set; } = new ItemList<string>();
        /// <summary>Joining users who hold another tier today and would be in two tiers.</summary>
        public ItemList<string> InOtherTier { get; set; } = new ItemList<string>();
        public string? SkuPartNumber { get; set; }
        /// <summary>New seats needed: joining users who do not already hold the SKU.</summary>
        public int SeatDemand { get; set; }
        public int AvailableSeats { get; set; }
        /// <summary>Seats to buy before saving the rule; 0 when there are enough.</summary>
        public int SeatShortfall { get; set; }
        /// <summary>Change in monthly spend: seats gained minus seats freed, at the SKU's price; null when the price is unknown.</summary>
        public decimal? MonthlyCostChange { get; set; }
        public string? Currency { get; set; }
        public int UsersEvaluated { get; set; }
    }
}
