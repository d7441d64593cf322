using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// What the cmdlets may ask of the engine. The engine lives in a private load context on PowerShell 7, so this
    /// interface (and the request and output types) is all the two sides share. Results are written to the sink.
    /// </summary>
    public partial interface ILicenseGovernanceEngine
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

        /// <summary>
        /// Works out what New-LicenseTierGroup (<see cref="TierGroupRequest.CreateIfMissing"/>) or Set-LicenseTierGroup would
        /// change, resolving SKU and plan names and checking every rule, without writing anything. Bad input throws.
        /// </summary>
        Task<TierGroupPlan> PlanTierGroupAsync(TierGroupRequest request, IGovernanceSink sink);

        /// <summary>Works out what Remove-LicenseTierGroup would do; refuses (throws) when members would lose their only licence, unless Force.</summary>
        Task<TierGroupPlan> PlanRemoveTierGroupAsync(RemoveTierGroupRequest request, IGovernanceSink sink);

        /// <summary>
        /// Applies a plan from <see cref="PlanTierGroupAsync"/> or <see cref="PlanRemoveTierGroupAsync"/> after checking the group
        /// has not changed since. Returns the tier as it is now, or null after a removal.
        /// </summary>
        Task<LicenseTierGroup?> ApplyTierGroupPlanAsync(TierGroupPlan plan, IGovernanceSink sink);

        /// <summary>Writes one <see cref="LicenseTierGroup"/> per tier group that matches, lowest rank first.</summary>
        Task GetTierGroupsAsync(GetTierGroupRequest request, IGovernanceSink sink);

        /// <summary>Validates a dynamic membership rule locally and previews it against every user. Writes nothing to the tenant.</summary>
        Task<LicenseRulePreview> TestMembershipRuleAsync(TestMembershipRuleRequest request, IGovernanceSink sink);

        /// <summary>Writes one <see cref="GroupLicenseError"/> per member in error (or one <see cref="GroupLicenseErrorSummary"/>).</summary>
        Task GetGroupLicenseErrorsAsync(GetGroupLicenseErrorRequest request, IGovernanceSink sink);

        /// <summary>
        /// Asks Graph to reprocess the users' group licences, asking the sink's ShouldProcess per user once it is resolved;
        /// writes one <see cref="LicenseReprocessResult"/> per user.
        /// </summary>
        Task ReprocessLicensesAsync(ReprocessRequest request, IGovernanceSink sink);
    }
}
