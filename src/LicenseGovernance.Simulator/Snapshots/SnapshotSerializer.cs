using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Linq;
using System.Text.Json.Serialization;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Membership;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator.Snapshots
{
    /// <summary>Whole-tenant snapshots: JSON with a format version, gzip-compressed when the path ends in ".gz".</summary>
    internal static class SnapshotSerializer
    {
        /// <summary>2 added queued background work, open extensions, app role assignments and nested members (later additions are optional parts); 1 still loads.</summary>
        public const int FormatVersion = 2;

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        public static void Save(SimulatedTenant tenant, string path)
        {
            var document = tenant.Store.Read(() => new SnapshotDocument
            {
                FormatVersion = FormatVersion,
                TenantId = tenant.TenantId,
                DefaultDomain = tenant.DefaultDomain,
                Clock = tenant.Clock.UtcNow,
                Options = SnapshotOptions.From(tenant.Options),
                Skus = tenant.Store.SkuList,
                Users = tenant.Store.UserList,
                Groups = tenant.Store.GroupList,
                LicenseProcessing = tenant.Store.GroupLicensing.Save(),
                MembershipEvaluations = tenant.Store.DynamicMembership.Save(),
                Entitlement = tenant.Store.Entitlement,
                Lifecycle = tenant.Store.Lifecycle,
                LicenseTimeline = tenant.Store.LicenseTimeline.Events.ToList(),
                DisplayConcealedNames = tenant.Store.DisplayConcealedNamesCore,
                EdiscoveryCases = tenant.Store.EdiscoveryCaseList,
                SentMail = tenant.Store.SentMailList,
            });
            using var file = File.Create(path);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
            tenant.Store.Read(() =>
            {
                JsonSerializer.Serialize(stream, document, Json);
                return 0;
            });
        }

        public static SimulatedTenant Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new SimulatorSnapshotException($"Snapshot file '{path}' does not exist.");
            }

            SnapshotDocument? document;
            try
            {
                var bytes = File.ReadAllBytes(path);
                if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
                {
                    using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                    using var plain = new MemoryStream();
                    gzip.CopyTo(plain);
                    bytes = plain.ToArray();
                }

                document = JsonSerializer.Deserialize<SnapshotDocument>(bytes, Json);
            }
            catch (Exception e) when (e is JsonException || e is InvalidDataException || e is NotSupportedException)
            {
                throw new SimulatorSnapshotException($"Snapshot file '{path}' is not a valid simulator snapshot: {e.Message}", e);
            }

            if (document == null)
            {
                throw new SimulatorSnapshotException($"Snapshot file '{path}' is empty.");
            }

            if (document.FormatVersion != FormatVersion && document.FormatVersion != 1)
            {
                throw new SimulatorSnapshotException($"Snapshot file '{path}' has format version {document.FormatVersion}; this simulator reads version {FormatVersion}.");
            }

            if (!Guid.TryParse(document.TenantId, out var tenantId) || string.IsNullOrEmpty(document.DefaultDomain) || document.Options == null)
            {
                throw new SimulatorSnapshotException($"Snapshot file '{path}' lacks a tenant id, default domain or options.");
            }

            var ids = new DeterministicIds(new Random());
            var tenant = new SimulatedTenant(tenantId, document.DefaultDomain!, new SimulatorClock(document.Clock), document.Options.ToOptions(), ids.Next);
            try
            {
                tenant.Store.Write(() =>
                {
                    tenant.Store.Rebuild(document.Skus ?? new List<SimulatedSku>(), document.Users ?? new List<SimulatedUser>(), document.Groups ?? new List<SimulatedGroup>());
                    tenant.Store.GroupLicensing.Load(document.LicenseProcessing ?? new List<LicenseProcessingRunState>());
                    tenant.Store.DynamicMembership.Load(document.MembershipEvaluations ?? new List<DynamicEvaluation>());
                    tenant.Store.LoadEntitlement(document.Entitlement);
                    tenant.Store.LoadLifecycle(document.Lifecycle);
                    tenant.Store.LicenseTimeline.Load(document.LicenseTimeline ?? new List<LicenseEvent>());
                    tenant.Store.DisplayConcealedNamesCore = document.DisplayConcealedNames ?? true;
                    tenant.Store.LoadOffboarding(document.EdiscoveryCases, document.SentMail);
                    return 0;
                });
            }
            catch (Exception e) when (e is GraphServiceError || e is ArgumentException || e is NullReferenceException)
            {
                throw new SimulatorSnapshotException($"Snapshot file '{path}' holds inconsistent tenant state: {e.Message}", e);
            }

            return tenant;
        }

        private sealed class SnapshotDocument
        {
            public int FormatVersion { get; set; }

            public string? TenantId { get; set; }

            public string? DefaultDomain { get; set; }

            public DateTimeOffset Clock { get; set; }

            public SnapshotOptions? Options { get; set; }

            public List<SimulatedSku>? Skus { get; set; }

            public List<SimulatedUser>? Users { get; set; }

            public List<SimulatedGroup>? Groups { get; set; }

            public List<LicenseProcessingRunState>? LicenseProcessing { get; set; }

            public List<DynamicEvaluation>? MembershipEvaluations { get; set; }

            /// <summary>Absent from files written before access packages were simulated; those load with none.</summary>
            public Model.Entitlement.EntitlementState? Entitlement { get; set; }

            /// <summary>Absent from files written before lifecycle workflows were simulated; those load with none.</summary>
            public Model.Lifecycle.LifecycleState? Lifecycle { get; set; }

            /// <summary>Absent from older files, which then start with an empty timeline.</summary>
            public List<LicenseEvent>? LicenseTimeline { get; set; }

            /// <summary>adminReportSettings; absent from older files, which then conceal names as Graph does by default.</summary>
            public bool? DisplayConcealedNames { get; set; }

            /// <summary>eDiscovery cases with their legal holds; absent in snapshots written before offboarding.</summary>
            public List<SimulatedEdiscoveryCase>? EdiscoveryCases { get; set; }

            public List<SimulatedMail>? SentMail { get; set; }
        }

        private sealed class SnapshotOptions
        {
            private static readonly SimulatorOptions Defaults = new SimulatorOptions();

            public bool ThrottlingEnabled { get; set; }

            public int ResourceUnitsPer10Seconds { get; set; }

            public int WritesPer150Seconds { get; set; }

            public int TenantWritesPer5Minutes { get; set; }

            public double ThrottlingTimeScale { get; set; } = 1;

            /// <summary>Null in files written before the signInActivity quota was modelled: they get Graph's 10.</summary>
            public int? SignInActivityReadsPerMinute { get; set; }

            public long AddedLatencyTicks { get; set; }

            public long ClockTimePerRequestTicks { get; set; }

            public long ReadAfterWriteDelayTicks { get; set; }

            public int MaxPageSize { get; set; }

            public int DefaultPageSize { get; set; }

            public int SignInActivityMaxPageSize { get; set; }

            public bool EnforcePermissions { get; set; }

            public bool TenantHasEntraP1 { get; set; }

            /// <summary>Absent from older files, which then load with the default (the tenant holds it).</summary>
            public bool TenantHasEntraIdGovernance { get; set; } = Defaults.TenantHasEntraIdGovernance;

            // Version 1 files lack the settings below; the initialisers give them the defaults.
            public long LicenseProcessingDelayTicks { get; set; } = Defaults.LicenseProcessingDelay.Ticks;

            public long LicenseProcessingTimePerUserTicks { get; set; } = Defaults.LicenseProcessingTimePerUser.Ticks;

            public long DynamicMembershipDelayTicks { get; set; } = Defaults.DynamicMembershipDelay.Ticks;

            public long DynamicMembershipTimePerUserTicks { get; set; } = Defaults.DynamicMembershipTimePerUser.Ticks;

            public string? TenantUsageLocation { get; set; } = Defaults.TenantUsageLocation;

            // Files written before access package delivery took time lack these; the initialisers give them the defaults.
            public long AccessPackageDeliveryDelayTicks { get; set; } = Defaults.AccessPackageDeliveryDelay.Ticks;

            public long AccessPackageRemovalDelayTicks { get; set; } = Defaults.AccessPackageRemovalDelay.Ticks;

            public double AccessPackageDeliveryStallProbability { get; set; } = Defaults.AccessPackageDeliveryStallProbability;

            public long? AccessPackageStalledDeliveryRetryTicks { get; set; } = Defaults.AccessPackageStalledDeliveryRetry?.Ticks;

            /// <summary>Sorted by country and plan, so equal options always serialise to the same bytes.</summary>
            public SortedDictionary<string, List<Guid>>? UnavailableServicePlans { get; set; }

            public static SnapshotOptions From(SimulatorOptions o) => new SnapshotOptions
            {
                ThrottlingEnabled = o.Throttling.Enabled,
                ResourceUnitsPer10Seconds = o.Throttling.ResourceUnitsPer10Seconds,
                WritesPer150Seconds = o.Throttling.WritesPer150Seconds,
                TenantWritesPer5Minutes = o.Throttling.TenantWritesPer5Minutes,
                ThrottlingTimeScale = o.Throttling.TimeScale,
                SignInActivityReadsPerMinute = o.Throttling.SignInActivityReadsPerMinute,
                AddedLatencyTicks = o.AddedLatency.Ticks,
                ClockTimePerRequestTicks = o.ClockTimePerRequest.Ticks,
                ReadAfterWriteDelayTicks = o.ReadAfterWriteDelay.Ticks,
                MaxPageSize = o.MaxPageSize,
                DefaultPageSize = o.DefaultPageSize,
                SignInActivityMaxPageSize = o.SignInActivityMaxPageSize,
                EnforcePermissions = o.EnforcePermissions,
                TenantHasEntraP1 = o.TenantHasEntraP1,
                TenantHasEntraIdGovernance = o.TenantHasEntraIdGovernance,
                LicenseProcessingDelayTicks = o.LicenseProcessingDelay.Ticks,
                LicenseProcessingTimePerUserTicks = o.LicenseProcessingTimePerUser.Ticks,
                DynamicMembershipDelayTicks = o.DynamicMembershipDelay.Ticks,
                DynamicMembershipTimePerUserTicks = o.DynamicMembershipTimePerUser.Ticks,
                TenantUsageLocation = o.TenantUsageLocation,
                AccessPackageDeliveryDelayTicks = o.AccessPackageDeliveryDelay.Ticks,
                AccessPackageRemovalDelayTicks = o.AccessPackageRemovalDelay.Ticks,
                AccessPackageDeliveryStallProbability = o.AccessPackageDeliveryStallProbability,
                AccessPackageStalledDeliveryRetryTicks = o.AccessPackageStalledDeliveryRetry?.Ticks,
                UnavailableServicePlans = new SortedDictionary<string, List<Guid>>(
                    o.UnavailableServicePlans.ToDictionary(e => e.Key.ToUpperInvariant(), e => e.Value.OrderBy(p => p).ToList()), StringComparer.Ordinal),
            };

            public SimulatorOptions ToOptions() => new SimulatorOptions
            {
                LicenseProcessingDelay = TimeSpan.FromTicks(LicenseProcessingDelayTicks),
                LicenseProcessingTimePerUser = TimeSpan.FromTicks(LicenseProcessingTimePerUserTicks),
                DynamicMembershipDelay = TimeSpan.FromTicks(DynamicMembershipDelayTicks),
                DynamicMembershipTimePerUser = TimeSpan.FromTicks(DynamicMembershipTimePerUserTicks),
                TenantUsageLocation = TenantUsageLocation,
                AccessPackageDeliveryDelay = TimeSpan.FromTicks(AccessPackageDeliveryDelayTicks),
                AccessPackageRemovalDelay = TimeSpan.FromTicks(AccessPackageRemovalDelayTicks),
                AccessPackageDeliveryStallProbability = AccessPackageDeliveryStallProbability,
                AccessPackageStalledDeliveryRetry = AccessPackageStalledDeliveryRetryTicks == null ? (TimeSpan?)null : TimeSpan.FromTicks(AccessPackageStalledDeliveryRetryTicks.Value),
                UnavailableServicePlans = (UnavailableServicePlans ?? new SortedDictionary<string, List<Guid>>())
                    .ToDictionary(e => e.Key, e => new HashSet<Guid>(e.Value), StringComparer.OrdinalIgnoreCase),
                Throttling = new ThrottlingOptions
                {
                    Enabled = ThrottlingEnabled,
                    ResourceUnitsPer10Seconds = ResourceUnitsPer10Seconds,
                    WritesPer150Seconds = WritesPer150Seconds,
                    TenantWritesPer5Minutes = TenantWritesPer5Minutes,
                    TimeScale = ThrottlingTimeScale,
                    SignInActivityReadsPerMinute = SignInActivityReadsPerMinute ?? new ThrottlingOptions().SignInActivityReadsPerMinute,
                },
                AddedLatency = TimeSpan.FromTicks(AddedLatencyTicks),
                ClockTimePerRequest = TimeSpan.FromTicks(ClockTimePerRequestTicks),
                ReadAfterWriteDelay = TimeSpan.FromTicks(ReadAfterWriteDelayTicks),
                MaxPageSize = MaxPageSize,
                DefaultPageSize = DefaultPageSize,
                SignInActivityMaxPageSize = SignInActivityMaxPageSize,
                EnforcePermissions = EnforcePermissions,
                TenantHasEntraP1 = TenantHasEntraP1,
                TenantHasEntraIdGovernance = TenantHasEntraIdGovernance,
            };
        }
    }
}
