namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError PriceFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.PriceFileInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' cannot be read as a price list: {reason} Expected columns: Sku (part number or id), MonthlyPrice, Currency. Nothing was imported.",
            path, "Fix the lines named (columns Sku, MonthlyPrice, Currency; prices of 0 or more with a '.' for decimals), then run Import-LicensePrice again.");

        public static GovernanceError PriceInvalid(string sku, string reason) => new GovernanceError(
            ErrorIds.PriceInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The price for '{sku}' cannot be set: {reason}",
            sku, "Give a monthly price per seat of 0 or more (0 for a free SKU) and a three-letter currency code such as USD.");
    }
}
