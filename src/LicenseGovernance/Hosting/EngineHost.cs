using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using LicenseGovernance.Hosting;
using LicenseGovernance.Loader;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Loads the engine from Dependencies/ (a private load context on PowerShell 7, an AssemblyResolve handler on
    /// Windows PowerShell 5.1) and keeps the one engine instance that holds the session's connection.
    /// </summary>
    internal static class EngineHost
    {
        private const string EngineAssembly = "LicenseGovernance.Engine";
        private const string EngineType = "LicenseGovernance.Engine.GovernanceEngine";
        private const string ContractsAssembly = "LicenseGovernance.Contracts";

        private static readonly object Gate = new object();
        private static ILicenseGovernanceEngine? _engine;
        private static bool _resolverInstalled;

        internal static string ModuleDirectory => Path.GetDirectoryName(typeof(EngineHost).Assembly.Location) ?? ".";

        internal static string DependencyDirectory => Path.Combine(ModuleDirectory, "Dependencies");

        internal static bool IsDesktop => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        internal static ILicenseGovernanceEngine Engine
        {
            get
            {
                lock (Gate)
                {
                    return _engine ??= CreateEngine();
                }
            }
        }

        internal static void Initialize()
        {
            if (IsDesktop)
            {
                InstallDesktopResolver();
            }
        }

        internal static void Shutdown()
        {
            lock (Gate)
            {
                _engine?.Disconnect();
                _engine = null;
            }
        }

        private static ILicenseGovernanceEngine CreateEngine()
        {
            var assembly = IsDesktop ? LoadOnDesktop() : CoreLoader.Load(DependencyDirectory, EngineAssembly, ContractsAssembly);
            var type = assembly.GetType(EngineType, throwOnError: true)!;
            return (ILicenseGovernanceEngine)Activator.CreateInstance(type)!;
        }

        private static Assembly LoadOnDesktop()
        {
            InstallDesktopResolver();
            return Assembly.LoadFrom(Path.Combine(DependencyDirectory, EngineAssembly + ".dll"));
        }

        private static void InstallDesktopResolver()
        {
            lock (Gate)
            {
                if (_resolverInstalled)
                {
                    return;
                }

                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencies;
                _resolverInstalled = true;
            }
        }

        // Windows PowerShell has a single load context and this handler sees every failed load in the process: serve
        // only our own assemblies, at versions we ship (DependencyPolicy), and leave other modules' requests alone.
        private static Assembly? ResolveFromDependencies(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            if (requested.Name == null)
            {
                return null;
            }

            var path = Path.Combine(DependencyDirectory, requested.Name + ".dll");
            var shipped = File.Exists(path) ? AssemblyName.GetAssemblyName(path).Version : null;
            return DependencyPolicy.ShouldServe(requested, LocationOf(args.RequestingAssembly), ModuleDirectory, shipped)
                ? Assembly.LoadFrom(path)
                : null;
        }

        // A dynamic assembly has no file, and .NET Framework throws when asked for its location.
        private static string? LocationOf(Assembly? assembly) => assembly == null || assembly.IsDynamic ? null : assembly.Location;
    }
}
