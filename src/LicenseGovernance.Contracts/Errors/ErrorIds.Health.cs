namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string HealthReportExists = "LicenseGovernance.HealthReportExists";
        public const string HealthReportPathInvalid = "LicenseGovernance.HealthReportPathInvalid";
        public const string HealthReportWriteFailed = "LicenseGovernance.HealthReportWriteFailed";
    }
}
