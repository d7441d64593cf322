using System;
using System.Collections.Generic;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator
{
    public sealed class SimulatorOptions
    {
        public ThrottlingOptions Throttling { get; set; } = new ThrottlingOptions();

        /// <summary>Real wall-clock delay added to every HTTP request, so benchmarks see network-like latency.</summary>
        public TimeSpan AddedLatency { get; set; }

        /// <summary>
        /// Tenant time every HTTP request takes: the clock moves on by this much as each request arrives, so a test sees a
        /// slow tenant (or a slow link) make a long series of reads run past a deadline, without waiting for real.
        /// </summary>
        public TimeSpan ClockTimePerRequest { get; set; }

        /// <summary>Objects created over HTTP stay invisible (404 by id, absent from lists) until the clock passes createdDateTime + this.</summary>
        public TimeSpan ReadAfterWriteDelay { get; set; }

        public int MaxPageSize { get; set; } = 999;

        public int DefaultPageSize { get; set; } = 100;

        /// <summary>
        /// The largest /users page when signInActivity is selected or filtered: 500 on Graph's user-list page since July 2025
        /// (it was 120). A larger $top is not refused; the pages are cut to this.
        /// </summary>
        public int SignInActivityMaxPageSize { get; set; } = 500;

        public bool EnforcePermissions { get; set; } = true;

        /// <summary>
        /// Whether the tenant holds Entra ID P1/P2; without it signInActivity reads get 403.
        /// Lives here (not only in DemoTenantOptions) so empty tenants and snapshots carry it too.
        /// </summary>
        public bool TenantHasEntraP1 { get; set; } = true;

        /// <summary>Whether the tenant holds Microsoft Entra ID Governance; without it every lifecycle workflows request gets 403 NoLicense.</summary>
        public bool TenantHasEntraIdGovernance { get; set; } = true;

        /// <summary>
        /// How long group-based licensing work waits in QueuedForProcessing before a group starts processing.
        /// Entra usually starts within minutes.
        /// </summary>
        public TimeSpan LicenseProcessingDelay { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>
        /// Processing time per queued user once a group is in ProcessingInProgress, so large groups take longer
        /// (the default puts a 60,000-member group at about four hours, inside Entra's 24-hour support threshold).
        /// </summary>
        public TimeSpan LicenseProcessingTimePerUser { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>Delay before a dynamic group evaluates a new or changed rule, or a changed user.</summary>
        public TimeSpan DynamicMembershipDelay { get; set; } = TimeSpan.FromMinutes(3);

        /// <summary>Extra time per user in the tenant when a dynamic group evaluates its whole rule.</summary>
        public TimeSpan DynamicMembershipTimePerUser { get; set; } = TimeSpan.FromMilliseconds(5);

        /// <summary>
        /// How long an accepted access package assignment (and its request) stays delivering before the package's group
        /// memberships are granted. Graph publishes no figure; group memberships are usually delivered within minutes.
        /// </summary>
        public TimeSpan AccessPackageDeliveryDelay { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// How long a removal (adminRemove, userRemove, or an assignment reaching its end date) takes before the assignment is
        /// expired and its group memberships are gone; meanwhile the assignment still reads delivered.
        /// </summary>
        public TimeSpan AccessPackageRemovalDelay { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// The share of new assignments (0 to 1) whose delivery stalls in delivering, as field reports describe; picked from
        /// the assignment's id, so a seeded tenant stalls the same ones every time. 0 (off) by default.
        /// </summary>
        public double AccessPackageDeliveryStallProbability { get; set; }

        /// <summary>
        /// When the service retries a stalled delivery, which then succeeds (Entra retries "for several hours"); null leaves
        /// stalled deliveries in delivering for good.
        /// </summary>
        public TimeSpan? AccessPackageStalledDeliveryRetry { get; set; } = TimeSpan.FromHours(6);

        /// <summary>
        /// The organisation's country (two letters). Group-based licensing uses it for members without a
        /// usageLocation, as Entra does; null models a tenant without a country, where such members get an error.
        /// </summary>
        public string? TenantUsageLocation { get; set; } = "US";

        /// <summary>
        /// Service plans that cannot be assigned in a usage location (key: two-letter country, case-insensitive).
        /// Empty by default: the real list changes with local regulation, so tests configure what they need.
        /// </summary>
        public Dictionary<string, HashSet<Guid>> UnavailableServicePlans { get; set; } = new Dictionary<string, HashSet<Guid>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Whether $batch answers come back in another order than the requests, as Graph allows
        /// (https://learn.microsoft.com/en-us/graph/json-batching: "Individual responses might appear in a different order").
        /// On by default, so every test that batches proves its caller matches answers by id.
        /// </summary>
        public bool ShuffleBatchResponses { get; set; } = true;

        /// <summary>
        /// Items per page of the entitlement-management lists (catalogs, resources, packages, policies, requests, assignments,
        /// approval stages), which continue with @odata.nextLink as Graph's do. Graph documents neither a default nor a
        /// maximum for them and takes no $top there; 100 is the directory's default page. Null serves one page.
        /// </summary>
        public int? EntitlementPageSize { get; set; } = 100;
    }
}
