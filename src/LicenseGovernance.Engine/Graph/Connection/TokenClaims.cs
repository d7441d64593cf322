using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>
    /// The claims of a Graph access token, read with Microsoft.IdentityModel's JsonWebToken without validating the
    /// signature: the token is only ever sent to Graph, which validates it; the module reads it to show the context, to
    /// refuse a token that cannot be Graph's, and to predict which commands will be allowed.
    /// </summary>
    public sealed class TokenClaims
    {
        private static readonly JsonWebTokenHandler Handler = new JsonWebTokenHandler();

        private TokenClaims()
        {
        }

        public string? TenantId { get; private set; }
        public string? AppId { get; private set; }
        public string? AppDisplayName { get; private set; }
        public string? UserPrincipalName { get; private set; }
        public string? ObjectId { get; private set; }

        /// <summary>Delegated scopes (the scp claim).</summary>
        public IReadOnlyList<string> Scopes { get; private set; } = Array.Empty<string>();

        /// <summary>Application roles (the roles claim).</summary>
        public IReadOnlyList<string> Roles { get; private set; } = Array.Empty<string>();

        public DateTimeOffset? ExpiresOn { get; private set; }
        public string? Audience { get; private set; }

        /// <summary>True when the token carries an scp claim, that is, it acts for a signed-in user.</summary>
        public bool IsDelegated { get; private set; }

        /// <summary>
        /// True for an application token: no scp, and either roles or idtyp=app. The idtyp check matters for an app
        /// that has been granted nothing yet, whose token has neither scp nor roles.
        /// </summary>
        public bool IsAppOnly => !IsDelegated && (Roles.Count > 0 || string.Equals(IdentityType, "app", StringComparison.OrdinalIgnoreCase));

        public IReadOnlyList<string> Permissions => IsDelegated ? Scopes : Roles;

        private string? IdentityType { get; set; }

        /// <summary>Reads a signed JWT's header and payload; null when the token is opaque, encrypted or malformed.</summary>
        public static TokenClaims? TryParse(string accessToken)
        {
            var token = TryRead(accessToken?.Trim());
            return token == null ? null : FromToken(token);
        }

        private static JsonWebToken? TryRead(string? accessToken)
        {
            // CanReadToken checks the compact form: three base64url parts (signed) or five (encrypted).
            if (string.IsNullOrEmpty(accessToken) || !Handler.CanReadToken(accessToken))
            {
                return null;
            }

            try
            {
                var token = Handler.ReadJsonWebToken(accessToken);
                // An encrypted token's payload is meant for Graph alone and cannot be read here.
                return token.IsEncrypted ? null : token;
            }
            catch (ArgumentException)
            {
                // SecurityTokenMalformedException: a part that is not base64url, or a header or payload that is not a JSON object.
                return null;
            }
        }

        private static TokenClaims FromToken(JsonWebToken token)
        {
            var scp = String(token, "scp");
            return new TokenClaims
            {
                TenantId = String(token, "tid"),
                // v1.0 tokens name the client appid, v2.0 tokens azp.
                AppId = String(token, "appid") ?? String(token, "azp"),
                AppDisplayName = String(token, "app_displayname"),
                UserPrincipalName = String(token, "upn") ?? String(token, "unique_name") ?? String(token, "preferred_username"),
                ObjectId = String(token, "oid"),
                Audience = token.Audiences.FirstOrDefault(),
                IdentityType = String(token, "idtyp"),
                IsDelegated = scp != null,
                Scopes = scp == null ? Array.Empty<string>() : scp.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                Roles = token.TryGetPayloadValue<string[]>("roles", out var roles) && roles != null ? roles : Array.Empty<string>(),
                ExpiresOn = token.TryGetPayloadValue<long>("exp", out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null,
            };
        }

        private static string? String(JsonWebToken token, string claim) =>
            token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrEmpty(value) ? value : null;
    }
}
