using System;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator
{
    public sealed class SimulatorOptions
    {
        public ThrottlingOptions Throttling { get; set; } = new ThrottlingOptions();

        /// <summary>Real wall-clock delay added to every HTTP request, so benchmarks see network-like latency.</summary>
        public TimeSpan AddedLatency { get; set; }

        /// <summary>Objects created over HTTP stay invisible (404 by id, absent from lists) until the clock passes createdDateTime + this.</summary>
        public TimeSpan ReadAfterWriteDelay { get; set; }

        public int MaxPageSize { get; set; } = 999;

        public int DefaultPageSize { get; set; } = 100;

        public int SignInActivityMaxPageSize { get; set; } = 120;

        public bool EnforcePermissions { get; set; } = true;

        /// <summary>
        /// Whether the tenant holds Entra ID P1/P2; without it signInActivity reads get 403.
        /// Lives here (not only in DemoTenantOptions) so empty tenants and snapshots carry it too.
        /// </summary>
        public bool TenantHasEntraP1 { get; set; } = true;
    }
}
