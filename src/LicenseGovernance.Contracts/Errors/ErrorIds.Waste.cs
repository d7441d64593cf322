namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string ZombieQueryInvalid = "LicenseGovernance.ZombieQueryInvalid";
        public const string ZombieLicenseChanged = "LicenseGovernance.ZombieLicenseChanged";
        public const string ZombieLicenseRemovalFailed = "LicenseGovernance.ZombieLicenseRemovalFailed";
    }
}
