namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string UsageReportNamesConcealed = "LicenseGovernance.UsageReportNamesConcealed";
        public const string UsagePeriodInvalid = "LicenseGovernance.UsagePeriodInvalid";
        public const string UsageSkuHasNoCheaperTier = "LicenseGovernance.UsageSkuHasNoCheaperTier";
        public const string UsageReportUnreadable = "LicenseGovernance.UsageReportUnreadable";
        public const string UsageReportsDelegatedDenied = "LicenseGovernance.UsageReportsDelegatedDenied";
    }
}
