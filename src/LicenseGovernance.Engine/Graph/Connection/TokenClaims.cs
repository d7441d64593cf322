using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>
    /// The claims of a Graph access token, read without validating the signature: the token is only ever sent to Graph,
    /// which validates it; the module reads it to show the context and to predict which commands will be allowed.
    /// </summary>
    public sealed class TokenClaims
    {
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

        /// <summary>Reads a JWT's payload; null when the token is opaque, encrypted or malformed.</summary>
        public static TokenClaims? TryParse(string accessToken)
        {
            if (string.IsNullOrWhiteSpace(accessToken))
            {
                return null;
            }

            var parts = accessToken.Trim().Split('.');
            // Three parts is a signed JWT; five would be an encrypted one, whose payload cannot be read.
            if (parts.Length != 3 || parts[1].Length == 0)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(DecodeBase64Url(parts[1]));
                return document.RootElement.ValueKind == JsonValueKind.Object ? FromPayload(document.RootElement) : null;
            }
            catch (FormatException)
            {
                return null;
            }
            catch (JsonException)
            {
                return null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static TokenClaims FromPayload(JsonElement payload)
        {
            var scp = String(payload, "scp");
            var claims = new TokenClaims
            {
                TenantId = String(payload, "tid"),
                // v1.0 tokens name the client appid, v2.0 tokens azp.
                AppId = String(payload, "appid") ?? String(payload, "azp"),
                AppDisplayName = String(payload, "app_displayname"),
                UserPrincipalName = String(payload, "upn") ?? String(payload, "unique_name") ?? String(payload, "preferred_username"),
                ObjectId = String(payload, "oid"),
                Audience = String(payload, "aud") ?? FirstString(payload, "aud"),
                IdentityType = String(payload, "idtyp"),
                IsDelegated = scp != null,
                Scopes = scp == null ? Array.Empty<string>() : scp.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                Roles = Strings(payload, "roles"),
            };

            if (payload.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number && exp.TryGetInt64(out var seconds))
            {
                claims.ExpiresOn = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            return claims;
        }

        private static string? String(JsonElement payload, string name) =>
            payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string? FirstString(JsonElement payload, string name) => Strings(payload, name).FirstOrDefault();

        private static IReadOnlyList<string> Strings(JsonElement payload, string name)
        {
            if (!payload.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<string>();
            }

            return value.EnumerateArray()
                .Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => v.GetString()!)
                .ToArray();
        }

        private static byte[] DecodeBase64Url(string segment)
        {
            var base64 = new StringBuilder(segment.Length + 3).Append(segment).Replace('-', '+').Replace('_', '/');
            switch (segment.Length % 4)
            {
                case 2: base64.Append("=="); break;
                case 3: base64.Append('='); break;
                case 1: throw new FormatException("Invalid base64url length.");
            }

            return Convert.FromBase64String(base64.ToString());
        }
    }
}
