namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError ZombieQueryInvalid(string reason) => new GovernanceError(
            ErrorIds.ZombieQueryInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The zombie licence search cannot run: {reason} Nothing was read or changed.",
            reason);

        public static GovernanceError ZombieLicenseChanged(string target, string reason) => new GovernanceError(
            ErrorIds.ZombieLicenseChanged, GovernanceErrorCategory.InvalidOperation,
            $"{target} was not removed: {reason} Run Get-ZombieLicense again and pipe the fresh results.",
            target, "Get-ZombieLicense");

        public static GovernanceError ZombieLicenseRemovalFailed(string target, string reason) => new GovernanceError(
            ErrorIds.ZombieLicenseRemovalFailed, GovernanceErrorCategory.InvalidOperation,
            $"Removing {target} failed: {reason} What was done before the failure is in the journal (Get-LicenseChangeLog -Last 10).",
            target, "Get-LicenseChangeLog");
    }
}
