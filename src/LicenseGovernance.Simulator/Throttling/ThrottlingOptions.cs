using System;

namespace LicenseGovernance.Simulator.Throttling
{
    /// <summary>The identity-service token-bucket limits of graph-contract §8.2. A limit of zero or less turns its bucket off.</summary>
    public sealed class ThrottlingOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Per application and tenant.</summary>
        public int ResourceUnitsPer10Seconds { get; set; } = 8000;

        /// <summary>Per application and tenant.</summary>
        public int WritesPer150Seconds { get; set; } = 3000;

        /// <summary>Per tenant, across all applications.</summary>
        public int TenantWritesPer5Minutes { get; set; } = 18000;

        /// <summary>Per application, across all tenants.</summary>
        public int ApplicationResourceUnitsPer20Seconds { get; set; } = 150000;

        /// <summary>Per application, across all tenants.</summary>
        public int ApplicationWritesPer5Minutes { get; set; } = 70000;

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
