using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace LicenseGovernance.Loader
{
    /// <summary>
    /// The private load context for the engine and its dependencies on PowerShell 7. Other modules in the same session
    /// (Microsoft.Graph.Authentication, Az.Accounts, PnP) bring their own Azure.Core, MSAL, Kiota and System.Text.Json;
    /// loading ours here keeps both sides working whichever module is imported first.
    /// </summary>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, DependencyLoadContext> Contexts = new Dictionary<string, DependencyLoadContext>(StringComparer.OrdinalIgnoreCase);

        private readonly string _directory;
        private readonly HashSet<string> _shared;

        private DependencyLoadContext(string directory, IEnumerable<string> sharedAssemblies)
        {
            _directory = directory;
            _shared = new HashSet<string>(sharedAssemblies, StringComparer.OrdinalIgnoreCase);
        }

        public string DependencyDirectory => _directory;

        /// <summary>
        /// One context per dependency folder, for the life of the process: a module can be removed and imported again,
        /// but its assemblies cannot be unloaded from a non-collectible context, so the second import reuses the first.
        /// </summary>
        /// <param name="sharedAssemblies">Assemblies that must come from the default context so that both sides share their types (the contracts).</param>
        public static DependencyLoadContext For(string dependencyDirectory, IEnumerable<string> sharedAssemblies)
        {
            var full = Path.GetFullPath(dependencyDirectory);
            lock (Gate)
            {
                if (!Contexts.TryGetValue(full, out var context))
                {
                    context = new DependencyLoadContext(full, sharedAssemblies);
                    Contexts.Add(full, context);
                }
                return context;
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name == null || _shared.Contains(name))
            {
                return null;
            }

            var path = Path.Combine(_directory, name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            // The runtime's own copy wins when it is at least as new as ours: netstandard shims such as System.Memory
            // must not be duplicated, or Span<T> from our copy and from the runtime would be different types.
            // A request for a newer version than ours is left to the default context rather than failing on our copy.
            var ours = AssemblyName.GetAssemblyName(path);
            if (!DependencyPolicy.Covers(assemblyName, ours.Version))
            {
                return null;
            }

            var platform = PlatformAssemblies.Version(name);
            if (platform != null && ours.Version != null && platform >= ours.Version)
            {
                return null;
            }

            return LoadFromAssemblyPath(path);
        }
    }
}
