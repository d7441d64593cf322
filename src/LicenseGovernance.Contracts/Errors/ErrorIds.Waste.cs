namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string ZombieQueryInvalid = "LicenseGovernance.ZombieQueryInvalid";
        public const string ZombieLicenseFromDynamicGroup = "LicenseGovernance.ZombieLicenseFromDynamicGroup";
        public const string ZombieLicenseRemovalFailed = "LicenseGovernance.ZombieLicenseRemovalFailed";
        public const string ZombieLicenseFromSyncedGroup = "LicenseGovernance.ZombieLicenseFromSyncedGroup";
        public const string ZombieLicenseFromMailEnabledGroup = "LicenseGovernance.ZombieLicenseFromMailEnabledGroup";
        public const string ZombieLicenseFromRoleAssignableGroup = "LicenseGovernance.ZombieLicenseFromRoleAssignableGroup";
    }
}
