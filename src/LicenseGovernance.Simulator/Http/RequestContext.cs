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

        /// <summary>
        /// Entitlement management's administrative reads and writes: an application with the permission may make them; a
        /// signed-in user also needs an entitlement administrator role, else Graph answers 403 UnAuthorized before looking
        /// at the object (msgraph-metadata issue 327 shows the code and message).
        /// </summary>
        public void RequireEntitlementAdministrator()
        {
            if (Token.UserPrincipalName != null && Tenant.Options.EnforcePermissions && !DirectoryRoles.AdministersEntitlements(Token.DirectoryRoleIds))
            {
                throw NotAuthorized();
            }
        }

        /// <summary>The user views (filterByCurrentUser, getApplicablePolicyRequirements) answer only a signed-in user.</summary>
        public Guid RequireSignedInUser()
        {
            var id = Token.UserPrincipalName == null ? (Guid?)null : Store.Read(() => Store.FindUserCore(Token.UserPrincipalName, null)?.Id);
            return id ?? throw NotAuthorized();
        }

        public static GraphServiceError NotAuthorized() =>
            new GraphServiceError(403, "UnAuthorized", "User is not authorized to perform the operation. Reason: The caller is not authorized.");

        public void RequirePermission(params string[] accepted)
        {
            if (!HasPermission(accepted))
            {
                throw new GraphServiceError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
            }
        }
    }
}
