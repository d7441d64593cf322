namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string MigrationGroupLacksSku = "LicenseGovernance.MigrationGroupLacksSku";
        public const string MigrationRequestInvalid = "LicenseGovernance.MigrationRequestInvalid";
    }
}
