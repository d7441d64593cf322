namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError ZombieQueryInvalid(string reason) => new GovernanceError(
            ErrorIds.ZombieQueryInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The zombie licence search cannot run: {reason} Nothing was read or changed.",
            reason, "Correct the parameter the message names, then run the command again.");

        public static GovernanceError ZombieLicenseFromDynamicGroup(string target, string sku, string group) => new GovernanceError(
            ErrorIds.ZombieLicenseFromDynamicGroup, GovernanceErrorCategory.InvalidOperation,
            $"{target} was not removed: {sku} comes from the dynamic group '{group}', whose membership rule would add the user straight back. " +
            "Change the user attribute the rule reads (or the rule, Set-LicenseTierGroup -MembershipRule), and the licence goes when Entra re-evaluates the group.",
            target, "Change the user attribute the group's rule reads, or the rule itself (Set-LicenseTierGroup -MembershipRule).");

        public static GovernanceError ZombieLicenseFromSyncedGroup(string target, string sku, string group) => new GovernanceError(
            ErrorIds.ZombieLicenseFromSyncedGroup, GovernanceErrorCategory.InvalidOperation,
            $"{target} was not removed: {sku} comes from '{group}', a group synced from on-premises Active Directory, whose membership Microsoft Graph cannot change. " +
            "Remove the user from the group in on-premises Active Directory (or disable the account there); the licence goes after the next directory sync. Nothing else of this licence was changed.",
            target, "Remove the user from the group in on-premises Active Directory; the licence goes after the next sync.");

        public static GovernanceError ZombieLicenseFromMailEnabledGroup(string target, string sku, string group) => new GovernanceError(
            ErrorIds.ZombieLicenseFromMailEnabledGroup, GovernanceErrorCategory.InvalidOperation,
            $"{target} was not removed: {sku} comes from '{group}', a mail-enabled security group, whose membership Exchange Online masters and Microsoft Graph cannot change. " +
            "Remove the user in Exchange Online (Remove-DistributionGroupMember, or the Exchange admin center); the licence goes once Entra ID processes the group. Nothing else of this licence was changed.",
            target, "Remove the user with Remove-DistributionGroupMember (Exchange Online) or in the Exchange admin center.");

        public static GovernanceError ZombieLicenseFromRoleAssignableGroup(string target, string sku, string group, bool delegated) => new GovernanceError(
            ErrorIds.ZombieLicenseFromRoleAssignableGroup, GovernanceErrorCategory.PermissionDenied,
            $"{target} was not removed: {sku} comes from '{group}', a role-assignable group (isAssignableToRole), and Microsoft Graph changes the membership of such a group " +
            "only with RoleManagement.ReadWrite.Directory in addition to GroupMember.ReadWrite.All; the token lacks RoleManagement.ReadWrite.Directory. " +
            (delegated
                ? "Sign in again asking for it (Connect-LicenseGovernance -Scopes ... RoleManagement.ReadWrite.Directory); the signed-in user also needs the Privileged Role Administrator role (or to own the group). "
                : "Grant the application RoleManagement.ReadWrite.Directory (with admin consent) and connect again. ") +
            "Nothing else of this licence was changed.",
            target,
            delegated
                ? "Reconnect with the scope RoleManagement.ReadWrite.Directory, signed in as a Privileged Role Administrator."
                : "Grant the app RoleManagement.ReadWrite.Directory (admin consent), then run Connect-LicenseGovernance again.");

        public static GovernanceError ZombieLicenseRemovalFailed(string target, string reason) => new GovernanceError(
            ErrorIds.ZombieLicenseRemovalFailed, GovernanceErrorCategory.InvalidOperation,
            $"Removing {target} failed: {reason} What was done before the failure is in the journal (Get-LicenseChangeLog -Last 10).",
            target, "Fix what the message reports, then run Remove-ZombieLicense again; Get-LicenseChangeLog -Last 10 shows what was done.");
    }
}
