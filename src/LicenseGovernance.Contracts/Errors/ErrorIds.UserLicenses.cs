namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string UnlicensedWithSku = "LicenseGovernance.UnlicensedWithSku";
    }
}
