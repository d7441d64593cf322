using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>
    /// The error catalogue: one factory per failure, each with a fixed id and category and a message that tells the
    /// administrator what to do next. Engine and cmdlets both raise errors only through here.
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

        public static GovernanceError SkuNotFound(string input, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.SkuNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No SKU '{input}' is subscribed in this tenant.{Suggest(closest)} Run Get-LicenseSku to list the SKUs the tenant has.",
            input);

        public static GovernanceError ServicePlanNotFound(string input, string sku, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.ServicePlanNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"SKU {sku} has no service plan '{input}'.{Suggest(closest)} Run (Get-LicenseSku -Sku {sku}).ServicePlans to list its plans.",
            input);

        public static GovernanceError CatalogFileNotFound(string path) => new GovernanceError(
            ErrorIds.CatalogFileNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"The file '{path}' does not exist. Download \"Product names and service plan identifiers for licensing\" (CSV) from Microsoft Learn and pass its path.",
            path);

        public static GovernanceError CatalogFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.CatalogFileInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' is not Microsoft's licensing CSV: {reason} Nothing was imported.",
            path);

        public static GovernanceError PriceFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.PriceFileInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' cannot be read as a price list: {reason} Expected columns: Sku (part number or id), MonthlyPrice, Currency. Nothing was imported.",
            path);

        public static GovernanceError PriceInvalid(string sku, string reason) => new GovernanceError(
            ErrorIds.PriceInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The price for '{sku}' cannot be set: {reason}",
            sku);

        public static GovernanceError SnapshotInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.SnapshotInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' is not a LicenseGovernance simulator snapshot: {reason} Save one with Save-LicenseGovernanceSnapshot.",
            path);

        public static GovernanceError SimulatorRequired(string command) => new GovernanceError(
            ErrorIds.SimulatorRequired, GovernanceErrorCategory.InvalidOperation,
            $"{command} works only on the simulated tenant. Run Connect-LicenseGovernance -Simulator first.",
            command);

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

        public static GovernanceError GroupNotFound(string input, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.GroupNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No group '{input}' was found.{Suggest(closest)} Run Get-LicenseTierGroup to list the tier groups.",
            input);

        public static GovernanceError GroupNameAmbiguous(string name, IEnumerable<string> ids) => new GovernanceError(
            ErrorIds.GroupNameAmbiguous, GovernanceErrorCategory.InvalidArgument,
            $"More than one group is named '{name}' ({string.Join(", ", ids)}). Name the group by its id instead, or rename one of them.",
            name);

        public static GovernanceError GroupServesOtherPurpose(string name, IEnumerable<string> purposes) => new GovernanceError(
            ErrorIds.GroupServesOtherPurpose, GovernanceErrorCategory.InvalidOperation,
            $"The group '{name}' already serves another purpose: {string.Join("; ", purposes)}. A tier group must be used only for licensing. " +
            "Choose another -Name, or add -Force to make it a tier anyway.",
            name);

        public static GovernanceError NotATierGroup(string name) => new GovernanceError(
            ErrorIds.NotATierGroup, GovernanceErrorCategory.InvalidOperation,
            $"The group '{name}' is not a licence tier. Create the tier with New-LicenseTierGroup first.",
            name);

        public static GovernanceError TierRankInUse(int tier, string otherGroup) => new GovernanceError(
            ErrorIds.TierRankInUse, GovernanceErrorCategory.ResourceExists,
            $"Tier {tier} is already '{otherGroup}'. Give this tier another -Tier, or change that one with Set-LicenseTierGroup.",
            tier);

        public static GovernanceError BaselineAlreadyDefined(string otherGroup) => new GovernanceError(
            ErrorIds.BaselineAlreadyDefined, GovernanceErrorCategory.ResourceExists,
            $"'{otherGroup}' is already the baseline tier, and there can be only one. Run Set-LicenseTierGroup -Name '{otherGroup}' -Baseline:$false first.",
            otherGroup);

        public static GovernanceError TierGroupInUse(string name, int usersLosingLastLicense) => new GovernanceError(
            ErrorIds.TierGroupInUse, GovernanceErrorCategory.InvalidOperation,
            $"Removing '{name}' would leave {usersLosingLastLicense} member(s) with no licence at all. Move them to another tier first, or add -Force.",
            name);

        public static GovernanceError MembershipRuleInvalid(string rule, int position, string reason) => new GovernanceError(
            ErrorIds.MembershipRuleInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The membership rule is not valid at position {position}: {reason}{Environment.NewLine}  {rule}{Environment.NewLine}  {new string(' ', Math.Max(0, position - 1))}^",
            rule);

        public static GovernanceError PlanSelectionInvalid(string reason) => new GovernanceError(
            ErrorIds.PlanSelectionInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The service plan selection is not valid: {reason}",
            null);

        public static GovernanceError UserNotFound(string input) => new GovernanceError(
            ErrorIds.UserNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No user '{input}' was found. Give a user principal name or object id.",
            input);

        public static GovernanceError TierGroupChanged(string name) => new GovernanceError(
            ErrorIds.TierGroupChanged, GovernanceErrorCategory.InvalidOperation,
            $"The tier group '{name}' changed in the tenant after the plan was made. Run the command again to plan against its current state.",
            name);

        public static GovernanceError TierRankInvalid(int tier) => new GovernanceError(
            ErrorIds.TierRankInvalid, GovernanceErrorCategory.InvalidArgument,
            $"-Tier {tier} is not a valid rank. Ranks are whole numbers from 1 (the lowest tier) upwards.",
            tier);

        public static GovernanceError GroupCannotCarryLicenses(string name) => new GovernanceError(
            ErrorIds.GroupCannotCarryLicenses, GovernanceErrorCategory.InvalidOperation,
            $"The group '{name}' is not security-enabled, and Microsoft Entra assigns licences only to security groups. Choose another -Name for the tier.",
            name);

        public static GovernanceError TierReplacementNotActive(string name, string removing, int usersNotActive) => new GovernanceError(
            ErrorIds.TierReplacementNotActive, GovernanceErrorCategory.InvalidOperation,
            $"{usersNotActive} member(s) of '{name}' could not get the tier's new licences, so the change was rolled back and {removing} stays: nobody loses a licence before the replacement works. " +
            $"Run Get-GroupLicenseError -Group '{name}' right away to see who and why, fix it, then run the command again.",
            name);

        public static GovernanceError TierLicensesExclusive(string name, string graphMessage) => new GovernanceError(
            ErrorIds.TierLicensesExclusive, GovernanceErrorCategory.InvalidOperation,
            $"The new licences of '{name}' cannot be held together with its current ones ({graphMessage}), so members would have to lose the old licence before the new one is verified. Nothing was changed. " +
            "Create the new licence set as a tier of its own with New-LicenseTierGroup and move members to it, or change the plans so that they no longer exclude each other.",
            name);

        public static GovernanceError NotEnoughSeats(string sku, int needed, int available, string group) => new GovernanceError(
            ErrorIds.NotEnoughSeats, GovernanceErrorCategory.LimitsExceeded,
            $"'{group}' would need {needed} more {sku} seat(s), and only {available} are free. Buy or free {needed - available} seat(s) (Get-LicenseSku -Sku {sku}) first; nothing was changed.",
            sku);

        private static string FormatPermissions(IReadOnlyList<string> permissions) =>
            permissions.Count == 0 ? "(unknown)" : permissions.Count == 1 ? permissions[0] : permissions[0] + " (or one of " + string.Join(", ", permissions.Skip(1)) + ")";

        private static string Suggest(IEnumerable<string> closest)
        {
            var list = closest.ToList();
            return list.Count == 0 ? "" : " Did you mean: " + string.Join(", ", list) + "?";
        }
    }
}
