using System;

namespace LicenseGovernance
{
    /// <summary>
    /// A premium SKU held by a user whose Microsoft 365 usage reports show only what a cheaper tier also covers
    /// (Get-UnderusedLicense), with the evidence from the reports and what the reports cannot show.
    /// </summary>
    public sealed class UnderusedLicense
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public string? DisplayName { get; set; }
        public bool? AccountEnabled { get; set; }

        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        public string? ProductName { get; set; }

        /// <summary>The cheaper tier that covers everything the reports show the user doing.</summary>
        public Guid SuggestedSkuId { get; set; }
        public string SuggestedSkuPartNumber { get; set; } = "";
        public string? SuggestedProductName { get; set; }

        /// <summary>The user holds the suggested SKU already (for example E3 and E5 both): removing the premium SKU is enough.</summary>
        public bool AlreadyHoldsSuggested { get; set; }

        /// <summary>How the premium SKU arrives: Direct, Inherited (from the groups in <see cref="InheritedGroupIds"/>) or Both.</summary>
        public string Assignment { get; set; } = "";
        public ItemList<Guid> InheritedGroupIds { get; set; } = new ItemList<Guid>();

        /// <summary>Monthly per-seat prices from the price book (Set-LicensePrice overrides the list prices); null when unknown.</summary>
        public decimal? MonthlyPrice { get; set; }
        public decimal? SuggestedMonthlyPrice { get; set; }
        /// <summary>
        /// The premium price minus the suggested one; the whole premium price when the user already holds the suggested SKU.
        /// Null when a price needed is unknown or the two are in different currencies.
        /// </summary>
        public decimal? MonthlySaving { get; set; }
        public decimal? AnnualSaving { get; set; }
        public string? Currency { get; set; }

        /// <summary>D7, D30, D90 or D180: the window the evidence covers, ending on <see cref="ReportRefreshDate"/>.</summary>
        public string Period { get; set; } = "";
        /// <summary>The last day the reports hold data for (they lag real activity by a day or two).</summary>
        public DateTime? ReportRefreshDate { get; set; }

        /// <summary>The latest activity in any workload or app the reports show.</summary>
        public DateTime? LastActivityDate { get; set; }
        public DateTime? ExchangeLastActivity { get; set; }
        public DateTime? OneDriveLastActivity { get; set; }
        public DateTime? SharePointLastActivity { get; set; }
        public DateTime? TeamsLastActivity { get; set; }
        public DateTime? YammerLastActivity { get; set; }
        public DateTime? SkypeForBusinessLastActivity { get; set; }

        /// <summary>Workloads with activity within the period (Exchange, OneDrive, SharePoint, Teams, Yammer, Skype For Business).</summary>
        public ItemList<string> WorkloadsUsed { get; set; } = new ItemList<string>();
        /// <summary>Apps used within the period, with their platform, as the report names them: "Word (Windows)", "Teams (Mobile)".</summary>
        public ItemList<string> AppsUsed { get; set; } = new ItemList<string>();
        /// <summary>Windows, Mac, Mobile, Web: where the apps were used.</summary>
        public ItemList<string> Platforms { get; set; } = new ItemList<string>();
        /// <summary>
        /// What the premium SKU adds over the suggestion that usage reports cannot show at all (for example Defender, Entra ID P2,
        /// Power BI Pro, Teams Phone): check these with the user or other logs before changing the licence.
        /// </summary>
        public ItemList<string> NotVisibleInReports { get; set; } = new ItemList<string>();

        /// <summary>One readable sentence of the evidence, for tables and Export-Csv.</summary>
        public string Evidence { get; set; } = "";
    }
}
