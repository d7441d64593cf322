using System.Collections.Generic;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        /// <param name="evidence">How it is known: the report settings, or a report whose rows carry hashed identifiers.</param>
        public static GovernanceError UsageReportNamesConcealed(string evidence) => new GovernanceError(
            ErrorIds.UsageReportNamesConcealed, GovernanceErrorCategory.InvalidOperation,
            $"The tenant's Microsoft 365 usage reports conceal user names ({evidence}), " +
            "so no report row can be matched to a user and no underused licence can be found. Show names in reports, then run the command again: " +
            "Microsoft 365 admin center > Settings > Org settings > Services > Reports, clear 'Display concealed user, group, and site names in all reports'; " +
            "or PATCH https://graph.microsoft.com/v1.0/admin/reportSettings with {\"displayConcealedNames\": false} " +
            "(needs ReportSettings.ReadWrite.All, for example Invoke-MgGraphRequest -Method PATCH -Uri /v1.0/admin/reportSettings -Body '{\"displayConcealedNames\":false}'). " +
            "The change applies to every report and every administrator; set it back afterwards if your organisation requires concealment.",
            evidence, "Clear 'Display concealed user, group, and site names in all reports' (Microsoft 365 admin center > Settings > Org settings > Reports).");

        public static GovernanceError UsagePeriodInvalid(string period) => new GovernanceError(
            ErrorIds.UsagePeriodInvalid, GovernanceErrorCategory.InvalidArgument,
            $"'{period}' is not a usage report period. Use D7, D30, D90 or D180 (the last 7, 30, 90 or 180 days).",
            period, "Use -Period D7, D30, D90 or D180.");

        public static GovernanceError UsageSkuHasNoCheaperTier(string sku, IEnumerable<string> premium) => new GovernanceError(
            ErrorIds.UsageSkuHasNoCheaperTier, GovernanceErrorCategory.InvalidArgument,
            $"{sku} is not a premium SKU with a cheaper tier that Get-UnderusedLicense knows, so there is nothing to compare its usage with. " +
            $"It knows: {string.Join(", ", premium)}.",
            sku, "Give -Sku one of the premium SKUs the message lists, or leave -Sku out.");

        /// <summary>
        /// A delegated call to a usage report was refused. Graph's 403 does not say whether the token lacks the scope or the
        /// signed-in user lacks an Entra role that may read reports (both are needed), so the message says which one the token
        /// shows and what to do about the other.
        /// </summary>
        public static GovernanceError UsageReportsDelegatedDenied(string operation, IReadOnlyList<string> permissions, bool tokenHasPermission, string? graphMessage) => new GovernanceError(
            ErrorIds.UsageReportsDelegatedDenied, GovernanceErrorCategory.PermissionDenied,
            $"Microsoft Graph refused {operation}" + (string.IsNullOrEmpty(graphMessage) ? "." : $" (Graph said: {graphMessage}).") +
            $" A signed-in (delegated) call to usage reports needs the scope {string.Join(" or ", permissions)} and, for the signed-in user, one of the Entra roles " +
            "Reports Reader (the least privileged), Global Reader, Global Administrator, Exchange Administrator, SharePoint Administrator, Teams Administrator, " +
            "Teams Communications Administrator or Skype for Business Administrator. " +
            (tokenHasPermission
                ? $"The token has {string.Join(" or ", permissions)}, so the signed-in user lacks the role: ask an administrator to assign Reports Reader (Entra admin center > Roles and administrators), then connect again."
                : $"The token lacks {string.Join(" or ", permissions)}: reconnect with that scope (admin consent), and make sure the signed-in user holds one of those roles.") +
            " Or connect with an app-only credential granted the application permission Reports.Read.All. Test-LicenseGovernancePermission shows what the token has.",
            operation,
            tokenHasPermission
                ? "Assign the signed-in user the Reports Reader role (Entra admin center > Roles and administrators), then connect again."
                : $"Reconnect with the scope {string.Join(" or ", permissions)} (admin consent), or connect app-only with Reports.Read.All.");

        public static GovernanceError UsageReportUnreadable(string report, string reason) => new GovernanceError(
            ErrorIds.UsageReportUnreadable, GovernanceErrorCategory.InvalidData,
            $"The usage report {report} could not be read: {reason} Nothing was reported; run the command again later, and if it persists, " +
            "download the report from the Microsoft 365 admin center (Reports > Usage) to see what it holds.",
            report, "Run the command again later; if it persists, download the report from the Microsoft 365 admin center (Reports > Usage).");
    }
}
