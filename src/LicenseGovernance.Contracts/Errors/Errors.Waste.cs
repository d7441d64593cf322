namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError ZombieQueryInvalid(string reason) => new GovernanceError(
            ErrorIds.ZombieQueryInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The zombie licence search cannot run: {reason} Nothing was read or changed.",
            reason);

        public static GovernanceError ZombieLicenseFromDynamicGroup(string target, string sku, string group) => new GovernanceError(
            ErrorIds.ZombieLicenseFromDynamicGroup, GovernanceErrorCategory.InvalidOperation,
            $"{target} was not removed: {sku} comes from the dynamic group '{group}', whose membership rule would add the user straight back. " +
            "Change the user attribute the rule reads (or the rule, Set-LicenseTierGroup -MembershipRule), and the licence goes when Entra re-evaluates the group.",
            target, "Set-LicenseTierGroup");

        public static GovernanceError ZombieLicenseRemovalFailed(string target, string reason) => new GovernanceError(
            ErrorIds.ZombieLicenseRemovalFailed, GovernanceErrorCategory.InvalidOperation,
            $"Removing {target} failed: {reason} What was done before the failure is in the journal (Get-LicenseChangeLog -Last 10).",
            target, "Get-LicenseChangeLog");
    }
}
