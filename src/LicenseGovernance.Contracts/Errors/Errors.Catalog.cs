using System.Collections.Generic;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError SkuNotFound(string input, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.SkuNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No SKU '{input}' is subscribed in this tenant.{Suggest(closest)} Run Get-LicenseSku to list the SKUs the tenant has.",
            input, "Run Get-LicenseSku to list the tenant's SKUs, then give a part number (SPE_E5), a SKU id or a product name.");

        public static GovernanceError SkuPatternMatchesNothing(string pattern, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.SkuPatternMatchesNothing, GovernanceErrorCategory.ObjectNotFound,
            $"No SKU subscribed in this tenant matches '{pattern}' (part numbers and product names were tried).{Suggest(closest)} Run Get-LicenseSku to list the SKUs the tenant has.",
            pattern, "Run Get-LicenseSku to list the tenant's SKUs, then give a pattern that matches a part number (SPE_*) or a product name (*E5*).");

        public static GovernanceError ServicePlanNotFound(string input, string sku, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.ServicePlanNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"SKU {sku} has no service plan '{input}'.{Suggest(closest)} Run (Get-LicenseSku -Sku {sku}).ServicePlans to list its plans.",
            input, $"Run (Get-LicenseSku -Sku {sku}).ServicePlans to list the SKU's service plans.");

        public static GovernanceError ServicePlanAmbiguous(string input, string sku, IEnumerable<string> candidates) => new GovernanceError(
            ErrorIds.ServicePlanAmbiguous, GovernanceErrorCategory.InvalidArgument,
            $"'{input}' names more than one service plan of {sku}: {string.Join(", ", candidates)}. Give the plan's name (the first word of each) instead.",
            input, $"Give one of the plan names, as (Get-LicenseSku -Sku {sku}).ServicePlans lists them.");

        public static GovernanceError CatalogFileNotFound(string path) => new GovernanceError(
            ErrorIds.CatalogFileNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"The file '{path}' does not exist. Download \"Product names and service plan identifiers for licensing\" (CSV) from Microsoft Learn and pass its path.",
            path, "Download \"Product names and service plan identifiers for licensing\" (CSV) from Microsoft Learn and pass its path.");

        public static GovernanceError CatalogFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.CatalogFileInvalid, GovernanceErrorCategory.InvalidData,
            $"'{path}' is not Microsoft's licensing CSV: {reason} Nothing was imported.",
            path, "Pass Microsoft's licensing CSV as downloaded from Microsoft Learn, unchanged.");
    }
}
