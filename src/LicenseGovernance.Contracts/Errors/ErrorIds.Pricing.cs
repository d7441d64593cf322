namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string PriceFileInvalid = "LicenseGovernance.PriceFileInvalid";
        public const string PriceInvalid = "LicenseGovernance.PriceInvalid";
    }
}
