using System.Reflection;
using LicenseGovernance.Loader;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Kept apart from <see cref="EngineHost"/> so that Windows PowerShell never JIT-compiles a method that mentions
    /// AssemblyLoadContext, which .NET Framework does not have.
    /// </summary>
    internal static class CoreLoader
    {
        internal static Assembly Load(string dependencyDirectory, string assemblyName, string sharedAssembly)
        {
            var context = DependencyLoadContext.For(dependencyDirectory, new[] { sharedAssembly, "LicenseGovernance", "LicenseGovernance.Loader" });
            return context.LoadFromAssemblyName(new AssemblyName(assemblyName));
        }
    }
}
