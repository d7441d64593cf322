using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// Unsigned (alg "none") JWTs. Signing would prove nothing inside a simulator; what matters to clients is the
    /// bearer plumbing, the claims that drive permissions, and expiry on the simulated clock.
    /// </summary>
    internal sealed class TokenClaims
    {
        private readonly HashSet<string> _permissions;

        private TokenClaims(string tenantId, string appId, string appDisplayName, string? upn, IEnumerable<string> permissions, IEnumerable<string> roleIds, DateTimeOffset notBefore, DateTimeOffset expires)
        {
            DirectoryRoleIds = roleIds.ToArray();
            TenantId = tenantId;
            AppId = appId;
            AppDisplayName = appDisplayName;
            UserPrincipalName = upn;
            _permissions = new HashSet<string>(permissions, StringComparer.OrdinalIgnoreCase);
            NotBefore = notBefore;
            Expires = expires;
        }

        public string TenantId { get; }

        public string AppId { get; }

        public string AppDisplayName { get; }

        public string? UserPrincipalName { get; }

        public DateTimeOffset NotBefore { get; }

        public DateTimeOffset Expires { get; }

        /// <summary>The signed-in user's Entra roles (the wids claim); empty for an app-only token.</summary>
        public IReadOnlyList<string> DirectoryRoleIds { get; }

        public bool HasAny(IEnumerable<string> accepted) => accepted.Any(_permissions.Contains);

        public static string Issue(string tenantId, string objectId, SimulatedPrincipal principal, IEnumerable<string> roleIds, DateTimeOffset now, TimeSpan lifetime)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("aud", "https://graph.microsoft.com");
                writer.WriteString("iss", $"https://sts.windows.net/{tenantId}/");
                writer.WriteNumber("iat", now.ToUnixTimeSeconds());
                writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
                writer.WriteNumber("exp", now.Add(lifetime).ToUnixTimeSeconds());
                writer.WriteString("tid", tenantId);
                writer.WriteString("oid", objectId);
                writer.WriteString("appid", principal.AppId);
                writer.WriteString("app_displayname", principal.DisplayName);
                if (principal.IsAppOnly)
                {
                    writer.WriteStartArray("roles");
                    foreach (var role in principal.Permissions)
                    {
                        writer.WriteStringValue(role);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteString("upn", principal.UserPrincipalName);
                    writer.WriteString("scp", string.Join(" ", principal.Permissions));
                    writer.WriteStartArray("wids");
                    foreach (var role in roleIds)
                    {
                        writer.WriteStringValue(role);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            return Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "." + Base64Url(stream.ToArray()) + ".";
        }

        /// <summary>Reads and checks a bearer token; any failure is Graph's 401 InvalidAuthenticationToken.</summary>
        public static TokenClaims Validate(string? authorization, string tenantId, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(authorization) || !authorization!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                throw Unauthorized("Access token is empty.");
            }

            var parts = authorization.Substring(7).Trim().Split('.');
            if (parts.Length != 3)
            {
                throw Unauthorized("Invalid JWT token. The token is not in JWS or JWE format.");
            }

            TokenClaims claims;
            try
            {
                using var doc = JsonDocument.Parse(FromBase64Url(parts[1]));
                var root = doc.RootElement;
                var roles = root.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(e => e.GetString() ?? string.Empty) : Enumerable.Empty<string>();
                var scopes = root.TryGetProperty("scp", out var s) ? (s.GetString() ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries) : Enumerable.Empty<string>();
                var wids = root.TryGetProperty("wids", out var w) ? w.EnumerateArray().Select(e => e.GetString() ?? string.Empty) : Enumerable.Empty<string>();
                claims = new TokenClaims(
                    root.GetProperty("tid").GetString() ?? string.Empty,
                    root.GetProperty("appid").GetString() ?? string.Empty,
                    root.TryGetProperty("app_displayname", out var n) ? n.GetString() ?? string.Empty : string.Empty,
                    root.TryGetProperty("upn", out var u) ? u.GetString() : null,
                    roles.Concat(scopes).ToList(),
                    wids.ToList(),
                    DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("nbf").GetInt64()),
                    DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()));
            }
            catch (Exception e) when (e is JsonException || e is FormatException || e is KeyNotFoundException || e is InvalidOperationException || e is ArgumentException)
            {
                throw Unauthorized("IDX14100: JWT is not well formed.");
            }

            if (!string.Equals(claims.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            {
                throw Unauthorized("Access token validation failure. Invalid audience or tenant.");
            }

            if (now >= claims.Expires)
            {
                throw Unauthorized("Lifetime validation failed, the token is expired.");
            }

            if (now < claims.NotBefore)
            {
                throw Unauthorized("Lifetime validation failed, the token is not yet valid.");
            }

            return claims;
        }

        private static GraphServiceError Unauthorized(string message) => new GraphServiceError(401, "InvalidAuthenticationToken", message);

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static byte[] FromBase64Url(string text)
        {
            var s = text.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
        }
    }
}
