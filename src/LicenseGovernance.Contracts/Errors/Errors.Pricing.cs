namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError PriceFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.PriceFileInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' cannot be read as a price list: {reason} Expected columns: Sku (part number or id), MonthlyPrice, Currency. Nothing was imported.",
            path);

        public static GovernanceError PriceInvalid(string sku, string reason) => new GovernanceError(
            ErrorIds.PriceInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The price for '{sku}' cannot be set: {reason}",
            sku);
    }
}
