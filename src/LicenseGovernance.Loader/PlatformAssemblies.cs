using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace LicenseGovernance.Loader
{
    /// <summary>
    /// The assemblies of the .NET runtime itself and their versions. Only the shared framework's folder counts: the
    /// host application's own dependencies are also on the trusted list, and those are exactly what we isolate from.
    /// </summary>
    internal static class PlatformAssemblies
    {
        private static readonly Lazy<Dictionary<string, string>> Paths = new Lazy<Dictionary<string, string>>(Read);
        private static readonly Dictionary<string, Version?> Versions = new Dictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);

        public static Version? Version(string name)
        {
            lock (Versions)
            {
                if (Versions.TryGetValue(name, out var known))
                {
                    return known;
                }

                Version? version = null;
                if (Paths.Value.TryGetValue(name, out var path))
                {
                    try
                    {
                        version = AssemblyName.GetAssemblyName(path).Version;
                    }
                    catch (BadImageFormatException)
                    {
                        version = null;
                    }
                }

                Versions[name] = version;
                return version;
            }
        }

        private static Dictionary<string, string> Read()
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (string.IsNullOrEmpty(list))
            {
                return result;
            }

            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
            foreach (var path in list!.Split(Path.PathSeparator))
            {
                if (path.Length == 0 || !string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
                {
                    continue;
                }

                var file = Path.GetFileNameWithoutExtension(path);
                if (!result.ContainsKey(file))
                {
                    result.Add(file, path);
                }
            }

            return result;
        }
    }
}
