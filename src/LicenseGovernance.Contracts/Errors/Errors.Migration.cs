namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError MigrationGroupLacksSku(string group, string sku) => new GovernanceError(
            ErrorIds.MigrationGroupLacksSku, GovernanceErrorCategory.InvalidOperation,
            $"Group '{group}' does not carry {sku}, so its members would not inherit it and no direct assignment could be replaced. " +
            $"Give the group the licence first (Set-LicenseTierGroup -Name '{group}' -Sku {sku}, or New-LicenseTierGroup), then run Move-DirectToGroupLicense again.",
            group, $"Run Set-LicenseTierGroup -Name '{group}' -Sku {sku}, then Move-DirectToGroupLicense again.");

        public static GovernanceError MigrationRequestInvalid(string reason) => new GovernanceError(
            ErrorIds.MigrationRequestInvalid, GovernanceErrorCategory.InvalidArgument,
            $"Move-DirectToGroupLicense cannot run: {reason} Nothing was changed.",
            reason, "Correct the parameter the message names, then run Move-DirectToGroupLicense again.");
    }
}
