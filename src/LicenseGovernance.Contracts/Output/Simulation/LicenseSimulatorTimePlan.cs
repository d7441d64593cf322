using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>Where Set-LicenseSimulatorTime would move the clock, resolved before ShouldProcess so -WhatIf names it.</summary>
    public sealed class LicenseSimulatorTimePlan : IChangePlan
    {
        public string TenantId { get; set; } = "";
        public DateTimeOffset From { get; set; }
        public DateTimeOffset To { get; set; }
        /// <summary>The duration asked for with -Advance, applied as a duration; null when -To named the instant.</summary>
        public TimeSpan? Advance { get; set; }

        string IChangePlan.Target => "simulated tenant " + TenantId;

        string IChangePlan.Description =>
            $"Move the clock from {From:yyyy-MM-dd HH:mm:ss}Z to {To:yyyy-MM-dd HH:mm:ss}Z (+{To - From}), running the licence processing, " +
            "membership evaluations, access package deliveries, removals and expiries that fall due on the way";

        IReadOnlyList<string> IChangePlan.Warnings => Array.Empty<string>();

        bool IChangePlan.IsNoChange => To == From;
    }
}
