using System;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Everything a route needs to serve one request (or one $batch item).</summary>
    internal sealed class RequestContext
    {
        public RequestContext(SimulatedTenant tenant, SimRequest request, string serviceRoot, string[] segments, QueryOptions query, TokenClaims token, string requestId)
        {
            Tenant = tenant;
            Request = request;
            ServiceRoot = serviceRoot;
            Segments = segments;
            Query = query;
            Token = token;
            RequestId = requestId;
        }

        public SimulatedTenant Tenant { get; }

        public TenantStore Store => Tenant.Store;

        public SimRequest Request { get; }

        /// <summary>"{scheme}://{host}/v1.0", taken from the request so links work on every host and on loopback.</summary>
        public string ServiceRoot { get; }

        public string[] Segments { get; }

        public QueryOptions Query { get; }

        public TokenClaims Token { get; }

        public string RequestId { get; }

        public DateTimeOffset Now => Tenant.Clock.UtcNow;

        /// <summary>ConsistencyLevel: eventual plus $count=true, Graph's condition for advanced queries.</summary>
        public bool IsAdvancedQuery => IsEventual && Query.Count;

        public bool IsEventual => string.Equals(Request.Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase);

        public bool HasPermission(params string[] accepted) => Token.HasAny(accepted) || !Tenant.Options.EnforcePermissions;

        public void RequirePermission(params string[] accepted)
        {
            if (!HasPermission(accepted))
            {
                throw new GraphServiceError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
            }
        }
    }
}
