using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>
    /// The error catalogue: one factory per failure, each with a fixed id and category and a message that tells the
    /// administrator what to do next. Engine and cmdlets both raise errors only through here. This file holds the
    /// connection's and the shared ones; each area's are in Errors.&lt;Area&gt;.cs.
    /// </summary>
    public static partial class Errors
    {
        public static GovernanceError NotConnected() => new GovernanceError(
            ErrorIds.NotConnected, GovernanceErrorCategory.ConnectionError,
            "You are not connected to a tenant. Run Connect-LicenseGovernance (or Connect-LicenseGovernance -Simulator to rehearse on the simulated tenant) first.",
            recommendedAction: "Run Connect-LicenseGovernance (or Connect-LicenseGovernance -Simulator), then run the command again.");

        public static GovernanceError NonInteractiveHost(string requestedMethod) => new GovernanceError(
            ErrorIds.NonInteractiveHost, GovernanceErrorCategory.AuthenticationError,
            $"{requestedMethod} sign-in needs a person at the keyboard, and this host is non-interactive. " +
            "In a runbook or scheduled job use -ManagedIdentity (Azure Automation), a certificate (-TenantId -ClientId -CertificateThumbprint|-Certificate|-CertificatePath), " +
            "a client secret (-TenantId -ClientId -ClientSecret|-ClientSecretCredential) or -AccessToken.",
            requestedMethod, "Connect with -ManagedIdentity, a certificate, a client secret or -AccessToken instead.");

        public static GovernanceError AuthenticationFailed(string method, Exception inner) => new GovernanceError(
            ErrorIds.AuthenticationFailed, GovernanceErrorCategory.AuthenticationError,
            $"Sign-in with {method} failed: {inner.Message} Check the tenant id, client id and credential, and that the app registration exists in the chosen -Environment.",
            method, "Check the tenant id, client id and credential of the app registration (Entra admin center > App registrations), then connect again.", inner);

        public static GovernanceError InvalidGraphEndpoint(string endpoint, string reason) => new GovernanceError(
            ErrorIds.InvalidGraphEndpoint, GovernanceErrorCategory.InvalidArgument,
            $"-GraphEndpoint '{endpoint}' cannot be used: {reason} Use an https:// address, or http:// only for a loopback address such as http://127.0.0.1:5000.",
            endpoint, "Give -GraphEndpoint an https:// address, or an http:// loopback address such as http://127.0.0.1:5000.");

        public static GovernanceError InvalidCredentialParameter(string parameter, string reason) => new GovernanceError(
            ErrorIds.InvalidCredentialParameter, GovernanceErrorCategory.InvalidArgument,
            $"-{parameter}: {reason}", parameter, $"Correct -{parameter} as the message says, then run Connect-LicenseGovernance again.");

        public static GovernanceError CertificateNotFound(string what, string where) => new GovernanceError(
            ErrorIds.CertificateNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No certificate {what} was found in {where}. Check the thumbprint, or pass the certificate itself with -Certificate or a PFX file with -CertificatePath.",
            what, $"Import the certificate into {where}, or pass it with -Certificate or -CertificatePath.");

        public static GovernanceError AccessTokenNotJwt() => new GovernanceError(
            ErrorIds.AccessTokenNotJwt, GovernanceErrorCategory.InvalidArgument,
            "-AccessToken is not a JSON Web Token, so nothing was connected. Microsoft Entra ID issues access tokens for Microsoft Graph as three base64url parts " +
            "separated by dots (header.payload.signature) whose header and payload are JSON; pass such a token itself, not a refresh token, an encrypted token or a token's name.",
            "AccessToken", "Pass an access token that Microsoft Entra ID issued for Microsoft Graph, or sign in with another parameter set of Connect-LicenseGovernance.");

        public static GovernanceError AccessTokenClaimMissing(string claim, string meaning) => new GovernanceError(
            ErrorIds.AccessTokenClaimMissing, GovernanceErrorCategory.InvalidArgument,
            $"-AccessToken has no '{claim}' claim ({meaning}), which every access token Microsoft Entra ID issues for Microsoft Graph carries, so nothing was connected. " +
            "It may be an ID token or a token of another issuer.",
            "AccessToken", "Pass an access token that Microsoft Entra ID issued for Microsoft Graph, or sign in with another parameter set of Connect-LicenseGovernance.");

        public static GovernanceError AccessTokenExpired(DateTimeOffset expiredAt) => new GovernanceError(
            ErrorIds.AccessTokenExpired, GovernanceErrorCategory.AuthenticationError,
            $"The access token expired at {expiredAt.UtcDateTime:u}, so nothing was connected. A token passed with -AccessToken is never renewed: " +
            "get a new one, or for a long run sign in with a method whose tokens are renewed (-ManagedIdentity, a certificate or a client secret).",
            "AccessToken", "Get a new access token and connect again, or connect with -ManagedIdentity or a certificate, whose tokens are renewed.");

        public static GovernanceError PermissionDenied(string operation, IReadOnlyList<string> permissions, string? graphMessage) => new GovernanceError(
            ErrorIds.PermissionDenied, GovernanceErrorCategory.PermissionDenied,
            $"Microsoft Graph refused {operation}: the token lacks the permission {FormatPermissions(permissions)}" +
            (string.IsNullOrEmpty(graphMessage) ? "." : $" (Graph said: {graphMessage})") +
            " Grant it to the app (application permission, admin consent) or reconnect with that scope, then run Test-LicenseGovernancePermission.",
            operation, $"Grant {permissions.FirstOrDefault() ?? "the missing permission"} (admin consent), reconnect, then check with Test-LicenseGovernancePermission.");

        /// <summary>Entitlement management refused a signed-in user an administrative read or write: the scope is there, the role is not.</summary>
        public static GovernanceError EntitlementRoleRequired(string operation, string? graphMessage) => new GovernanceError(
            ErrorIds.EntitlementRoleRequired, GovernanceErrorCategory.PermissionDenied,
            $"Microsoft Graph refused {operation}: the signed-in user holds no entitlement management role for it" +
            (string.IsNullOrEmpty(graphMessage) ? "." : $" (Graph said: {graphMessage})") +
            " Sign in as an Identity Governance Administrator (or the catalog's owner), or connect app-only; a user without a role can still request (Request-TierAssignment) and decide what waits for them (Approve-/Deny-TierAssignmentRequest).",
            operation, "Sign in as an Identity Governance Administrator or a catalog owner, or connect with an application.");

        public static GovernanceError TokenRejected(string operation, string? graphMessage) => new GovernanceError(
            ErrorIds.TokenRejected, GovernanceErrorCategory.AuthenticationError,
            $"Microsoft Graph rejected the access token for {operation} (401){(string.IsNullOrEmpty(graphMessage) ? "" : ": " + graphMessage)}. " +
            "The token is missing, expired or meant for another audience; run Connect-LicenseGovernance again.",
            operation, "Run Connect-LicenseGovernance again to get a new token for Microsoft Graph.");

        public static GovernanceError TenantLicenseRequired(string feature, string licence, string? graphMessage) => new GovernanceError(
            ErrorIds.TenantLicenseRequired, GovernanceErrorCategory.PermissionDenied,
            $"{feature} needs {licence} in the tenant, and Microsoft Graph says the tenant does not have it" +
            (string.IsNullOrEmpty(graphMessage) ? "." : $" ({graphMessage}).") + " Results that depend on it are left out.",
            feature, $"Buy or activate {licence} in the Microsoft 365 admin center (Billing > Purchase services), or do without {feature}.");

        public static GovernanceError GraphRequestFailed(string operation, int status, string? code, string? message, Exception? inner = null) => new GovernanceError(
            ErrorIds.GraphRequestFailed, status == 404 ? GovernanceErrorCategory.ObjectNotFound : GovernanceErrorCategory.InvalidOperation,
            $"Microsoft Graph failed {operation} with {status}{(string.IsNullOrEmpty(code) ? "" : " " + code)}: {message}",
            operation, "Fix what Microsoft Graph reports, then run the command again (-Verbose shows each request).", inner);

        public static GovernanceError GraphUnreachable(string operation, string reason, Exception inner) => new GovernanceError(
            ErrorIds.GraphUnreachable, GovernanceErrorCategory.ConnectionError,
            $"Microsoft Graph could not be reached for {operation}: {reason} Check the network, proxy and -GraphEndpoint, then run the command again.",
            operation, "Check the network, the proxy and the Graph endpoint (Get-LicenseGovernanceContext), then run the command again.", inner);

        public static GovernanceError Throttled(string operation, TimeSpan retryAfter) => new GovernanceError(
            ErrorIds.Throttled, GovernanceErrorCategory.LimitsExceeded,
            $"Microsoft Graph kept throttling {operation} after every retry (last Retry-After {retryAfter.TotalSeconds:0} s). Run the command again later, or in smaller batches.",
            operation, "Wait a few minutes, then run the command again, or in smaller batches.");

        public static GovernanceError SnapshotInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.SnapshotInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' is not a LicenseGovernance simulator snapshot: {reason} Save one with Save-LicenseGovernanceSnapshot.",
            path, "Save a snapshot with Save-LicenseGovernanceSnapshot and connect to it with Connect-LicenseGovernance -Simulator -SnapshotPath.");

        public static GovernanceError OperationCancelled(string operation, string? resumeHint = null) => new GovernanceError(
            ErrorIds.OperationCancelled, GovernanceErrorCategory.OperationStopped,
            $"{operation} was stopped.{(resumeHint == null ? "" : " " + resumeHint)}",
            operation, "Run the command again to finish it; Get-LicenseChangeLog shows what it changed so far.");

        public static GovernanceError SettingsWriteFailed(string path, Exception inner) => new GovernanceError(
            ErrorIds.SettingsWriteFailed, GovernanceErrorCategory.WriteError,
            $"Could not save to '{path}': {inner.Message} Set LICENSEGOVERNANCE_HOME to a writable folder (in Azure Automation, a path under $env:TEMP or a mounted share).",
            path, "Set LICENSEGOVERNANCE_HOME to a writable folder, then run the command again.", inner);

        public static GovernanceError SettingsFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.SettingsFileInvalid, GovernanceErrorCategory.InvalidData,
            $"The saved settings file '{path}' cannot be read: {reason} Fix or delete it; the module recreates it on the next save.",
            path, "Fix or delete the settings file; the module recreates it on the next save.");

        public static GovernanceError UserNotFound(string input) => new GovernanceError(
            ErrorIds.UserNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No user '{input}' was found. Give a user principal name or object id.",
            input, "Give the user's user principal name or object id, as the Entra admin center shows them.");

        private static string FormatPermissions(IReadOnlyList<string> permissions) =>
            permissions.Count == 0 ? "(unknown)" : permissions.Count == 1 ? permissions[0] : permissions[0] + " (or one of " + string.Join(", ", permissions.Skip(1)) + ")";

        /// <summary>A scan that holds what it reads on disk, a file at a time, could not make its temporary file.</summary>
        public static GovernanceError TemporaryFileUnavailable(string folder, string reason) => new GovernanceError(
            ErrorIds.TemporaryFileUnavailable, GovernanceErrorCategory.WriteError,
            $"A temporary file could not be made in '{folder}' ({reason}). The command keeps what it reads of each user on disk until it " +
            "is needed, so its memory does not grow with the tenant; it needs a writable temporary folder with room for a few hundred bytes " +
            "per user. Nothing was changed or reported. Point TEMP (Windows) or TMPDIR (Linux, macOS) at a writable folder, then run the command again.",
            folder, "Point TEMP (Windows) or TMPDIR (Linux, macOS) at a writable folder with free space, then run the command again.");

        private static string Suggest(IEnumerable<string> closest)
        {
            var list = closest.ToList();
            return list.Count == 0 ? "" : " Did you mean: " + string.Join(", ", list) + "?";
        }
    }
}
