using System;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// What Graph allows reads of signInActivity: pages of up to 500 users (the user-list page since July 2025) and a quota
    /// of their own, 10 requests a minute per app and tenant (the throttling-limits page). Both are Graph's to change, so a
    /// host can set them (<see cref="EngineOptions.SignInReads"/>); a benchmark on a tenant whose windows run faster says so.
    /// </summary>
    public sealed class SignInReadLimits
    {
        public int PageSize { get; set; } = 500;

        /// <summary>Requests that select or filter signInActivity Graph takes per <see cref="QuotaWindow"/>.</summary>
        public int QuotaReads { get; set; } = 10;

        public TimeSpan QuotaWindow { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>The sustained rate the quota allows.</summary>
        public double ReadsPerSecond => QuotaReads / QuotaWindow.TotalSeconds;

        /// <summary>For a tenant that enforces no such quota (a simulated one with throttling off): a budget that never waits.</summary>
        public static SignInReadLimits Unlimited() => new SignInReadLimits { QuotaReads = int.MaxValue };

        /// <summary>"10 reads per 60 s", for progress and benchmarks.</summary>
        public string Describe() => $"{QuotaReads} reads per {QuotaWindow.TotalSeconds:0.##} s";
    }
}
