using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// What the cmdlets may ask of the engine. The engine lives in a private load context on PowerShell 7, so this
    /// interface (and the request and output types) is all the two sides share. Results are written to the sink.
    /// </summary>
    public interface ILicenseGovernanceEngine
    {
        /// <summary>The current connection, or null.</summary>
        LicenseGovernanceContext? Context { get; }

        Task<LicenseGovernanceContext> ConnectAsync(ConnectRequest request, IGovernanceSink sink);

        /// <summary>Drops the connection and any cached token. Returns false when there was none.</summary>
        bool Disconnect();

        /// <summary>Writes one <see cref="LicenseSku"/> per subscribed SKU that matches.</summary>
        Task GetSkusAsync(GetLicenseSkuRequest request, IGovernanceSink sink);

        /// <summary>Writes one <see cref="LicensePermissionCheck"/> per module capability.</summary>
        Task TestPermissionsAsync(IGovernanceSink sink);

        /// <summary>Reads Microsoft's licensing CSV and extends the friendly-name table; returns what it read.</summary>
        Task<LicenseCatalogImportResult> ImportCatalogAsync(ImportCatalogRequest request, IGovernanceSink sink);

        /// <summary>Resolves a SKU name, part number or id to its part number (tenant first, then catalogue), failing with the closest matches.</summary>
        Task<string> ResolveSkuNameAsync(string sku, IGovernanceSink sink);

        Task<LicensePrice> SetPriceAsync(SetPriceRequest request, IGovernanceSink sink);

        /// <summary>Reads a price CSV; writes one <see cref="LicensePrice"/> per row it keeps.</summary>
        Task ImportPricesAsync(ImportPriceRequest request, IGovernanceSink sink);

        /// <summary>Writes the effective prices: the user's own first, then built-in list prices.</summary>
        Task GetPricesAsync(GetPriceRequest request, IGovernanceSink sink);

        /// <summary>Saves the simulated tenant's whole state to a file (simulator connections only).</summary>
        Task SaveSnapshotAsync(string path, IGovernanceSink sink);
    }
}
