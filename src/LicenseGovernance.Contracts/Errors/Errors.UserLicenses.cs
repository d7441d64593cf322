namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError UnlicensedWithSku() => new GovernanceError(
            ErrorIds.UnlicensedWithSku, GovernanceErrorCategory.InvalidArgument,
            "-Unlicensed lists users who hold no licence, so no -Sku can narrow it. Leave -Sku out, or leave -Unlicensed out to list who holds the SKU.",
            null, "Use -Unlicensed without -Sku.");
    }
}
