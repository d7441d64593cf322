using System;
using System.Net.Http;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Http;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Simulator.Snapshots;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator
{
    /// <summary>A stateful Microsoft Graph v1.0-compatible tenant, served in-process or on loopback HTTP.</summary>
    public sealed class SimulatedTenant
    {
        private readonly RequestPipeline _pipeline;

        internal SimulatedTenant(Guid tenantId, string defaultDomain, SimulatorClock clock, SimulatorOptions options, Func<Guid> newId)
        {
            TenantId = tenantId.ToString();
            DefaultDomain = defaultDomain;
            Clock = clock;
            Options = options;
            Store = new TenantStore(clock, newId, options);
            DefaultPrincipal = new SimulatedPrincipal("6a1f0c3e-7d0b-4b8e-9f4a-3c5d2e1b0a99", "LicenseGovernance Simulator", null, Permissions.AllApplication);
            _pipeline = new RequestPipeline(this);
        }

        public string TenantId { get; }

        public string DefaultDomain { get; }

        public SimulatorClock Clock { get; }

        public SimulatorOptions Options { get; }

        public FaultInjector Faults { get; } = new FaultInjector();

        /// <summary>App-only principal holding every application permission of graph-contract §9.</summary>
        public SimulatedPrincipal DefaultPrincipal { get; }

        public SimulatorStatistics Statistics { get; } = new SimulatorStatistics();

        public TenantStore Store { get; }

        internal RequestPipeline Pipeline => _pipeline;

        public static SimulatedTenant CreateDemo(DemoTenantOptions? options = null, SimulatorOptions? simulatorOptions = null)
        {
            options ??= new DemoTenantOptions();
            options.Validate();
            simulatorOptions ??= new SimulatorOptions { Throttling = ThrottlingOptions.ForTenantSize(options.UserCount) };
            simulatorOptions.TenantHasEntraP1 = options.TenantHasEntraP1;
            return DemoTenantSeeder.Create(options, simulatorOptions);
        }

        public static SimulatedTenant CreateEmpty(DateTimeOffset? now = null, SimulatorOptions? simulatorOptions = null)
        {
            var ids = new DeterministicIds(new Random());
            return new SimulatedTenant(ids.Next(), "contoso.onmicrosoft.com", new SimulatorClock(now ?? DateTimeOffset.UtcNow), simulatorOptions ?? new SimulatorOptions { Throttling = ThrottlingOptions.ForTenantSize(0) }, ids.Next);
        }

        public static SimulatedTenant LoadSnapshot(string path) => SnapshotSerializer.Load(path);

        public void SaveSnapshot(string path) => SnapshotSerializer.Save(this, path);

        /// <summary>An unsigned JWT for <paramref name="principal"/>, valid from now on the simulator clock (default one hour).</summary>
        public string IssueAccessToken(SimulatedPrincipal principal, TimeSpan? lifetime = null)
        {
            if (principal == null)
            {
                throw new ArgumentNullException(nameof(principal));
            }

            var user = principal.IsAppOnly ? null : Store.FindUser(principal.UserPrincipalName!);
            var objectId = user?.Id.ToString() ?? principal.AppId;
            var roles = user == null ? Array.Empty<string>() : Store.DirectoryRolesOf(user.Id.ToString());
            return TokenClaims.Issue(TenantId, objectId, principal, roles, Clock.UtcNow, lifetime ?? TimeSpan.FromHours(1));
        }

        /// <summary>
        /// A user of the tenant signed in to <paramref name="appId"/> with the delegated <paramref name="scopes"/> it was
        /// consented: what a user holds beyond that (may they request a package, approve a stage) is decided by the tenant per
        /// object, as entitlement management does, so the same principal serves requestors, approvers and administrators.
        /// </summary>
        /// <param name="user">The user's principal name or object id.</param>
        public SimulatedPrincipal SignIn(string user, string appId, string appDisplayName, System.Collections.Generic.IEnumerable<string> scopes)
        {
            var found = Store.FindUser(user ?? throw new ArgumentNullException(nameof(user)))
                ?? throw new ArgumentException($"The simulated tenant has no user '{user}'.", nameof(user));
            return new SimulatedPrincipal(appId, appDisplayName, found.UserPrincipalName, scopes);
        }

        public HttpMessageHandler CreateHandler() => new SimulatorHttpHandler(_pipeline);
    }
}
