using System;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>Validates Connect-LicenseGovernance's request for its sign-in method and builds the Azure.Identity credential.</summary>
    public static class CredentialFactory
    {
        /// <summary>
        /// "Microsoft Graph Command Line Tools": Microsoft's public client that any tenant can consent to for delegated Graph scopes.
        /// Used when -ClientId is not given, so interactive sign-in works without an app registration.
        /// </summary>
        public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

        /// <summary>Sign-in scopes that MSAL understands on their own and that must not be prefixed with a Graph host.</summary>
        private static readonly string[] OpenIdScopes = { "openid", "profile", "offline_access", "email" };

        public static TokenCredential Create(ConnectRequest request, CloudEnvironment environment, Action<string> deviceCodeMessage)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (environment == null)
            {
                throw new ArgumentNullException(nameof(environment));
            }

            switch (request.Method)
            {
                case AuthenticationMethod.Interactive:
                    RequireInteractiveHost(request);
                    return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                    {
                        TenantId = OptionalTenant(request),
                        ClientId = OptionalClientId(request),
                        AuthorityHost = environment.AuthorityHost,
                    });

                case AuthenticationMethod.DeviceCode:
                    RequireInteractiveHost(request);
                    if (deviceCodeMessage == null)
                    {
                        throw new ArgumentNullException(nameof(deviceCodeMessage));
                    }

                    return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                    {
                        TenantId = OptionalTenant(request),
                        ClientId = OptionalClientId(request),
                        AuthorityHost = environment.AuthorityHost,
                        DeviceCodeCallback = (info, _) =>
                        {
                            deviceCodeMessage(info.Message);
                            return Task.CompletedTask;
                        },
                    });

                case AuthenticationMethod.ClientSecret:
                {
                    var tenant = RequiredTenant(request);
                    var clientId = RequiredClientId(request);
                    var secret = Reveal(request.ClientSecret);
                    if (string.IsNullOrWhiteSpace(secret))
                    {
                        throw Errors.InvalidCredentialParameter("ClientSecret", "a client secret is required for app-only sign-in with a secret.").ToException();
                    }

                    return new ClientSecretCredential(tenant, clientId, secret, new ClientSecretCredentialOptions { AuthorityHost = environment.AuthorityHost });
                }

                case AuthenticationMethod.Certificate:
                {
                    var tenant = RequiredTenant(request);
                    var clientId = RequiredClientId(request);
                    var certificate = CertificateLoader.Load(request);
                    return new ClientCertificateCredential(tenant, clientId, certificate, new ClientCertificateCredentialOptions { AuthorityHost = environment.AuthorityHost });
                }

                case AuthenticationMethod.ManagedIdentity:
                {
                    var clientId = request.ManagedIdentityClientId;
                    if (clientId == null)
                    {
                        return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
                    }

                    if (!Guid.TryParse(clientId, out _))
                    {
                        throw Errors.InvalidCredentialParameter(
                            "ManagedIdentityClientId",
                            $"'{clientId}' is not a client id; use the user-assigned identity's client id (a GUID), or leave it out for the system-assigned identity.").ToException();
                    }

                    return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }

                case AuthenticationMethod.AccessToken:
                    return new StaticTokenCredential(ValidAccessToken(request));

                default:
                    // The simulator connection and any future method are wired by the engine itself, never through here.
                    throw new ArgumentException($"Sign-in method {request.Method} does not use an Azure.Identity credential.", nameof(request));
            }
        }

        public static string[] ScopesFor(ConnectRequest request, CloudEnvironment environment)
        {
            if (request.Method != AuthenticationMethod.Interactive && request.Method != AuthenticationMethod.DeviceCode)
            {
                // App-only tokens carry whatever roles the app was granted; .default is the only scope they can ask for.
                return new[] { environment.DefaultScope };
            }

            var wanted = request.Scopes is { Length: > 0 } ? request.Scopes : CapabilityCatalog.DelegatedPermissions().ToArray();
            return wanted.Select(scope => ToCloudScope(scope, environment)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        private static string ToCloudScope(string? scope, CloudEnvironment environment)
        {
            var trimmed = scope?.Trim();
            if (trimmed == null || trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace))
            {
                throw Errors.InvalidCredentialParameter("Scopes", $"'{scope}' is not a permission name; give names such as User.Read.All, one per array element.").ToException();
            }

            if (trimmed.IndexOf("://", StringComparison.Ordinal) >= 0 || OpenIdScopes.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                return trimmed;
            }

            return environment.ResourcePrefix + trimmed;
        }

        private static void RequireInteractiveHost(ConnectRequest request)
        {
            if (!request.IsInteractiveHost)
            {
                throw Errors.NonInteractiveHost(request.Method.ToString()).ToException();
            }
        }

        private static string? OptionalTenant(ConnectRequest request) =>
            request.TenantId == null ? null : RequiredTenant(request);

        private static string OptionalClientId(ConnectRequest request) =>
            request.ClientId == null ? DefaultPublicClientId : RequiredClientId(request);

        private static string RequiredTenant(ConnectRequest request)
        {
            var tenant = request.TenantId?.Trim();
            if (tenant == null || tenant.Length == 0)
            {
                throw Errors.InvalidCredentialParameter("TenantId", $"a tenant id or domain is required for {request.Method} sign-in.").ToException();
            }

            if (!Guid.TryParse(tenant, out _) && !IsDomainName(tenant))
            {
                throw Errors.InvalidCredentialParameter("TenantId", $"'{tenant}' is neither a tenant id (GUID) nor a domain name such as contoso.onmicrosoft.com.").ToException();
            }

            return tenant;
        }

        private static string RequiredClientId(ConnectRequest request)
        {
            var clientId = request.ClientId?.Trim();
            if (clientId == null || clientId.Length == 0)
            {
                throw Errors.InvalidCredentialParameter("ClientId", $"the application (client) id is required for {request.Method} sign-in.").ToException();
            }

            if (!Guid.TryParse(clientId, out _))
            {
                throw Errors.InvalidCredentialParameter("ClientId", $"'{clientId}' is not an application (client) id; copy the GUID from the app registration's Overview page.").ToException();
            }

            return clientId;
        }

        internal static bool IsDomainName(string value) =>
            value.IndexOf('.') > 0 && Uri.CheckHostName(value) == UriHostNameType.Dns && !value.EndsWith(".", StringComparison.Ordinal);

        /// <summary>
        /// The token and its expiry once it is known to be a Graph access token, read before anything connects: its claims
        /// are all the session will know of the tenant, the account and the permissions.
        /// </summary>
        private static AccessToken ValidAccessToken(ConnectRequest request)
        {
            var token = Reveal(request.AccessToken)?.Trim();
            // People paste the Authorization header value; the scheme is not part of the token.
            if (token != null && token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = token.Substring("Bearer ".Length).Trim();
            }

            if (token == null || token.Length == 0 || token.Any(char.IsWhiteSpace))
            {
                throw Errors.InvalidCredentialParameter("AccessToken", "an access token for Microsoft Graph is required, as one string without spaces.").ToException();
            }

            var claims = TokenClaims.TryParse(token) ?? throw Errors.AccessTokenNotJwt().ToException();
            if (claims.TenantId == null)
            {
                throw Errors.AccessTokenClaimMissing("tid", "the tenant it was issued in").ToException();
            }

            var expires = claims.ExpiresOn ?? throw Errors.AccessTokenClaimMissing("exp", "when it expires").ToException();
            if (expires <= DateTimeOffset.UtcNow)
            {
                throw Errors.AccessTokenExpired(expires).ToException();
            }

            return new AccessToken(token, expires);
        }

        internal static string? Reveal(SecureString? secure) =>
            secure == null ? null : new NetworkCredential(string.Empty, secure).Password;
    }
}
