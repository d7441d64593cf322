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
            evidence, "Set displayConcealedNames to false");

        public static GovernanceError UsagePeriodInvalid(string period) => new GovernanceError(
            ErrorIds.UsagePeriodInvalid, GovernanceErrorCategory.InvalidArgument,
            $"'{period}' is not a usage report period. Use D7, D30, D90 or D180 (the last 7, 30, 90 or 180 days).",
            period);

        public static GovernanceError UsageSkuHasNoCheaperTier(string sku, IEnumerable<string> premium) => new GovernanceError(
            ErrorIds.UsageSkuHasNoCheaperTier, GovernanceErrorCategory.InvalidArgument,
            $"{sku} is not a premium SKU with a cheaper tier that Get-UnderusedLicense knows, so there is nothing to compare its usage with. " +
            $"It knows: {string.Join(", ", premium)}.",
            sku);

        public static GovernanceError UsageReportUnreadable(string report, string reason) => new GovernanceError(
            ErrorIds.UsageReportUnreadable, GovernanceErrorCategory.InvalidData,
            $"The usage report {report} could not be read: {reason} Nothing was reported; run the command again later, and if it persists, " +
            "download the report from the Microsoft 365 admin center (Reports > Usage) to see what it holds.",
            report);
    }
}
