namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string MigrationGroupLacksSku = "LicenseGovernance.Migration.GroupLacksSku";
        public const string MigrationRequestInvalid = "LicenseGovernance.Migration.RequestInvalid";
    }
}
