using System.Management.Automation;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>Runs when the module is imported and removed.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => EngineHost.Initialize();

        public void OnRemove(PSModuleInfo psModuleInfo) => EngineHost.Shutdown();
    }
}
