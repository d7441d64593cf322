using System;

namespace LicenseGovernance.Simulator.Throttling
{
    /// <summary>
    /// The identity-service token-bucket limits, as the current "Microsoft Graph service-specific throttling limits" page
    /// gives them (https://learn.microsoft.com/en-us/graph/throttling-limits, section "Identity and access service limits",
    /// and its global limit). A limit of zero or less turns its bucket off.
    /// </summary>
    public sealed class ThrottlingOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Per application and tenant: 3,500 (under 50 users), 5,000 (50 to 500) or 8,000; see <see cref="ForTenantSize"/>.</summary>
        public int ResourceUnitsPer10Seconds { get; set; } = 8000;

        /// <summary>Per application and tenant: 3,000 writes per 2 min 30 s.</summary>
        public int WritesPer150Seconds { get; set; } = 3000;

        /// <summary>Per tenant, across all applications: 18,000 writes per 5 minutes.</summary>
        public int TenantWritesPer5Minutes { get; set; } = 18000;

        /// <summary>Per application, across all tenants: 150,000 resource units per 20 s.</summary>
        public int ApplicationResourceUnitsPer20Seconds { get; set; } = 150000;

        /// <summary>Per application, across all tenants: 35,000 writes per 5 minutes (the 2021-2023 pages said 70,000).</summary>
        public int ApplicationWritesPer5Minutes { get; set; } = 35000;

        /// <summary>
        /// Graph's global limit, per application across all tenants: 130,000 requests of any kind per 10 s (the 2021-2023
        /// pages said 2,000 a second). Every request and every $batch item counts one.
        /// </summary>
        public int ApplicationRequestsPer10Seconds { get; set; } = 130000;

        /// <summary>
        /// Per application and tenant: requests that select or filter signInActivity, a quota of their own on top of the
        /// resource units ("GET signInActivity", 10 requests a minute, in the identity and access reports limits of Graph's
        /// throttling-limits page).
        /// </summary>
        public int SignInActivityReadsPerMinute { get; set; } = 10;

        /// <summary>The signInActivity quota's window, one minute scaled by <see cref="TimeScale"/>.</summary>
        public TimeSpan SignInActivityWindow => Window(TimeSpan.FromMinutes(1));

        /// <summary>The sustained rate the signInActivity quota allows, over its scaled window.</summary>
        public double SignInActivityReadsPerSecond => SignInActivityReadsPerMinute / Window(TimeSpan.FromMinutes(1)).TotalSeconds;

        /// <summary>
        /// Runs every bucket's window this many times faster (1 is Graph's). A benchmark that must be bound by the write
        /// quota without waiting out 150-second windows raises it, and reports against the scaled quota
        /// (<see cref="WritesPerSecond"/>); capacities stay as documented.
        /// </summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>The sustained app+tenant write rate the quota allows: WritesPer150Seconds over the scaled window.</summary>
        public double WritesPerSecond => WritesPer150Seconds / Window(TimeSpan.FromSeconds(150)).TotalSeconds;

        internal TimeSpan Window(TimeSpan documented) =>
            TimeScale > 0 && TimeScale != 1 ? TimeSpan.FromTicks((long)(documented.Ticks / TimeScale)) : documented;

        /// <summary>Graph sizes the app+tenant resource-unit budget by the tenant's user count.</summary>
        public static ThrottlingOptions ForTenantSize(int userCount)
        {
            int units = userCount < 50 ? 3500 : userCount <= 500 ? 5000 : 8000;
            return new ThrottlingOptions { ResourceUnitsPer10Seconds = units };
        }
    }
}
