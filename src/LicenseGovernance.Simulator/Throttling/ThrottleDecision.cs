using System;

namespace LicenseGovernance.Simulator.Throttling
{
    public sealed class ThrottleDecision
    {
        internal ThrottleDecision(bool allowed, TimeSpan retryAfter, string? scope, string? information, double usageFraction, int resourceUnits)
        {
            Allowed = allowed;
            RetryAfter = retryAfter;
            Scope = scope;
            Information = information;
            UsageFraction = usageFraction;
            ResourceUnits = resourceUnits;
        }

        public bool Allowed { get; }

        /// <summary>Zero when allowed; otherwise whole seconds, at least one, until every refusing bucket holds enough.</summary>
        public TimeSpan RetryAfter { get; }

        /// <summary>The x-ms-throttle-scope of the bucket that refused, for example "Tenant/Write/{tenantId}".</summary>
        public string? Scope { get; }

        /// <summary>The x-ms-throttle-information value: "ResourceUnitLimitExceeded" or "WriteLimitExceeded".</summary>
        public string? Information { get; }

        /// <summary>The fullest bucket's use after this request (0..1 when allowed, above 1 when refused).</summary>
        public double UsageFraction { get; }

        /// <summary>The cost charged, for the x-ms-resource-unit header.</summary>
        public int ResourceUnits { get; }
    }
}
