using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// What the cmdlets may ask of the engine. The engine lives in a private load context on PowerShell 7, so this
    /// interface (and the request and output types) is all the two sides share. Results are written to the sink. This file
    /// is the connection; each area's members are in ILicenseGovernanceEngine.&lt;Area&gt;.cs.
    /// </summary>
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>The current connection, or null.</summary>
        LicenseGovernanceContext? Context { get; }

        Task<LicenseGovernanceContext> ConnectAsync(ConnectRequest request, IGovernanceSink sink);

        /// <summary>Drops the connection and any cached token. Returns false when there was none.</summary>
        bool Disconnect();

        /// <summary>Writes one <see cref="LicensePermissionCheck"/> per module capability.</summary>
        Task TestPermissionsAsync(IGovernanceSink sink);

        /// <summary>Writes one <see cref="DirectoryName"/> per user or group of the connected tenant whose name starts with the prefix (tab completion).</summary>
        Task FindDirectoryNamesAsync(DirectoryNameRequest request, IGovernanceSink sink);
    }
}
