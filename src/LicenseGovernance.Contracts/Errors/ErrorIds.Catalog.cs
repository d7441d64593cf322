namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string SkuNotFound = "LicenseGovernance.SkuNotFound";
        public const string SkuPatternMatchesNothing = "LicenseGovernance.SkuPatternMatchesNothing";
        public const string ServicePlanNotFound = "LicenseGovernance.ServicePlanNotFound";
        public const string ServicePlanAmbiguous = "LicenseGovernance.ServicePlanAmbiguous";
        public const string CatalogFileNotFound = "LicenseGovernance.CatalogFileNotFound";
        public const string CatalogFileInvalid = "LicenseGovernance.CatalogFileInvalid";
    }
}
