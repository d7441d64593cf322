using System;
using System.IO;
using System.Reflection;

namespace LicenseGovernance.Loader
{
    /// <summary>
    /// Which assembly requests the module answers with its own copies in Dependencies/. On Windows PowerShell 5.1 the
    /// AssemblyResolve handler is global: it also sees the requests of Az.Accounts or Microsoft.Graph.Authentication, and
    /// answering those with our copies splits their Azure.Core from their Azure.Identity, or hands them an older version
    /// than they were built against. So only the module's own assemblies are served, and only at versions we ship.
    /// </summary>
    public static class DependencyPolicy
    {
        /// <param name="requested">The assembly asked for.</param>
        /// <param name="requestingLocation">The file of the assembly that asked; null when the runtime does not say.</param>
        /// <param name="moduleDirectory">The module's folder (the root assemblies, and Dependencies/ below it).</param>
        /// <param name="shipped">The version of our copy in Dependencies/; null when we ship none.</param>
        public static bool ShouldServe(AssemblyName requested, string? requestingLocation, string moduleDirectory, Version? shipped) =>
            IsOurs(requestingLocation, moduleDirectory) && Covers(requested, shipped);

        /// <summary>
        /// Whether our copy satisfies the request: a request for an older version takes ours (what a binding redirect
        /// does), a request for a newer one must not get an older copy, which would fail later with a missing member.
        /// </summary>
        public static bool Covers(AssemblyName requested, Version? shipped) =>
            shipped != null && (requested.Version == null || requested.Version <= shipped);

        /// <summary>An assembly is ours when it was loaded from the module's folder; an unknown requester is not.</summary>
        public static bool IsOurs(string? requestingLocation, string moduleDirectory)
        {
            if (string.IsNullOrEmpty(requestingLocation) || string.IsNullOrEmpty(moduleDirectory))
            {
                return false;
            }

            var folder = Path.GetFullPath(moduleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            // Windows paths are case-insensitive, and this policy matters on Windows PowerShell only.
            return Path.GetFullPath(requestingLocation).StartsWith(folder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
