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
            recommendedAction: "Connect-LicenseGovernance");

        public static GovernanceError NonInteractiveHost(string requestedMethod) => new GovernanceError(
            ErrorIds.NonInteractiveHost, GovernanceErrorCategory.AuthenticationError,
            $"{requestedMethod} sign-in needs a person at the keyboard, and this host is non-interactive. " +
            "In a runbook or scheduled job use -ManagedIdentity (Azure Automation), a certificate (-TenantId -ClientId -CertificateThumbprint|-Certificate|-CertificatePath), " +
            "a client secret (-TenantId -ClientId -ClientSecret|-ClientSecretCredential) or -AccessToken.",
            requestedMethod, "Use the ManagedIdentity, Certificate, ClientSecret or AccessToken parameter set.");

        public static GovernanceError AuthenticationFailed(string method, Exception inner) => new GovernanceError(
            ErrorIds.AuthenticationFailed, GovernanceErrorCategory.AuthenticationError,
            $"Sign-in with {method} failed: {inner.Message} Check the tenant id, client id and credential, and that the app registration exists in the chosen -Environment.",
            method, inner: inner);

        public static GovernanceError InvalidGraphEndpoint(string endpoint, string reason) => new GovernanceError(
            ErrorIds.InvalidGraphEndpoint, GovernanceErrorCategory.InvalidArgument,
            $"-GraphEndpoint '{endpoint}' cannot be used: {reason} Use an https:// address, or http:// only for a loopback address such as http://127.0.0.1:5000.",
            endpoint);

        public static GovernanceError InvalidCredentialParameter(string parameter, string reason) => new GovernanceError(
            ErrorIds.InvalidCredentialParameter, GovernanceErrorCategory.InvalidArgument,
            $"-{parameter}: {reason}", parameter);

        public static GovernanceError CertificateNotFound(string what, string where) => new GovernanceError(
            ErrorIds.CertificateNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No certificate {what} was found in {where}. Check the thumbprint, or pass the certificate itself with -Certificate or a PFX file with -CertificatePath.",
            what);

        public static GovernanceError PermissionDenied(string operation, IReadOnlyList<string> permissions, string? graphMessage) => new GovernanceError(
            ErrorIds.PermissionDenied, GovernanceErrorCategory.PermissionDenied,
            $"Microsoft Graph refused {operation}: the token lacks the permission {FormatPermissions(permissions)}" +
            (string.IsNullOrEmpty(graphMessage) ? "." : $" (Graph said: {graphMessage})") +
            " Grant it to the app (application permission, admin consent) or reconnect with that scope, then run Test-LicenseGovernancePermission.",
            operation, "Test-LicenseGovernancePermission");

        public static GovernanceError TokenRejected(string operation, string? graphMessage) => new GovernanceError(
            ErrorIds.TokenRejected, GovernanceErrorCategory.AuthenticationError,
            $"Microsoft Graph rejected the access token for {operation} (401){(string.IsNullOrEmpty(graphMessage) ? "" : ": " + graphMessage)}. " +
            "The token is missing, expired or meant for another audience; run Connect-LicenseGovernance again.",
            operation, "Connect-LicenseGovernance");

        public static GovernanceError TenantLicenseRequired(string feature, string licence, string? graphMessage) => new GovernanceError(
            ErrorIds.TenantLicenseRequired, GovernanceErrorCategory.PermissionDenied,
            $"{feature} needs {licence} in the tenant, and Microsoft Graph says the tenant does not have it" +
            (string.IsNullOrEmpty(graphMessage) ? "." : $" ({graphMessage}).") + " Results that depend on it are left out.",
            feature);

        public static GovernanceError GraphRequestFailed(string operation, int status, string? code, string? message, Exception? inner = null) => new GovernanceError(
            ErrorIds.GraphRequestFailed, status == 404 ? GovernanceErrorCategory.ObjectNotFound : GovernanceErrorCategory.InvalidOperation,
            $"Microsoft Graph failed {operation} with {status}{(string.IsNullOrEmpty(code) ? "" : " " + code)}: {message}",
            operation, inner: inner);

        public static GovernanceError GraphUnreachable(string operation, string reason, Exception inner) => new GovernanceError(
            ErrorIds.GraphUnreachable, GovernanceErrorCategory.ConnectionError,
            $"Microsoft Graph could not be reached for {operation}: {reason} Check the network, proxy and -GraphEndpoint, then run the command again.",
            operation, inner: inner);

        public static GovernanceError Throttled(string operation, TimeSpan retryAfter) => new GovernanceError(
            ErrorIds.Throttled, GovernanceErrorCategory.LimitsExceeded,
            $"Microsoft Graph kept throttling {operation} after every retry (last Retry-After {retryAfter.TotalSeconds:0} s). Run the command again later, or in smaller batches.",
            operation);

        public static GovernanceError SnapshotInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.SnapshotInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' is not a LicenseGovernance simulator snapshot: {reason} Save one with Save-LicenseGovernanceSnapshot.",
            path);

        public static GovernanceError OperationCancelled(string operation, string? resumeHint = null) => new GovernanceError(
            ErrorIds.OperationCancelled, GovernanceErrorCategory.OperationStopped,
            $"{operation} was stopped.{(resumeHint == null ? "" : " " + resumeHint)}",
            operation);

        public static GovernanceError SettingsWriteFailed(string path, Exception inner) => new GovernanceError(
            ErrorIds.SettingsWriteFailed, GovernanceErrorCategory.WriteError,
            $"Could not save to '{path}': {inner.Message} Set LICENSEGOVERNANCE_HOME to a writable folder (in Azure Automation, a path under $env:TEMP or a mounted share).",
            path, inner: inner);

        public static GovernanceError SettingsFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.SettingsFileInvalid, GovernanceErrorCategory.InvalidData,
            $"The saved settings file '{path}' cannot be read: {reason} Fix or delete it; the module recreates it on the next save.",
            path);

        public static GovernanceError UserNotFound(string input) => new GovernanceError(
            ErrorIds.UserNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No user '{input}' was found. Give a user principal name or object id.",
            input);

        private static string FormatPermissions(IReadOnlyList<string> permissions) =>
            permissions.Count == 0 ? "(unknown)" : permissions.Count == 1 ? permissions[0] : permissions[0] + " (or one of " + string.Join(", ", permissions.Skip(1)) + ")";

        private static string Suggest(IEnumerable<string> closest)
        {
            var list = closest.ToList();
            return list.Count == 0 ? "" : " Did you mean: " + string.Join(", ", list) + "?";
        }
    }
}
