using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>
    /// What a user last did in each Microsoft 365 workload and app, the data behind the usage reports. One date per
    /// workload and per app on a platform, no history: "used in the period" is "last used within it", which is exact for
    /// the reports' yes/no columns and their last-activity dates. Null on a user means no activity at all.
    /// </summary>
    public sealed class UsageProfile
    {
        public DateTimeOffset? ExchangeLastActivity { get; set; }

        public DateTimeOffset? OneDriveLastActivity { get; set; }

        public DateTimeOffset? SharePointLastActivity { get; set; }

        public DateTimeOffset? SkypeForBusinessLastActivity { get; set; }

        public DateTimeOffset? YammerLastActivity { get; set; }

        public DateTimeOffset? TeamsLastActivity { get; set; }

        /// <summary>When the user last activated Microsoft 365 Apps on a device; null when never.</summary>
        public DateTimeOffset? AppsLastActivation { get; set; }

        /// <summary>
        /// Last use of an app on a platform, keyed as the report's column: "Outlook (Windows)", "Word (Web)", "Teams (Mobile)".
        /// Apps: Outlook, Word, Excel, PowerPoint, OneNote, Teams; platforms: Windows, Mac, Mobile, Web.
        /// </summary>
        public SortedDictionary<string, DateTimeOffset> AppLastUsed { get; set; } = new SortedDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
    }
}
