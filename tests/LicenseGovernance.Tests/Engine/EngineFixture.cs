using LicenseGovernance.Engine;
using LicenseGovernance.Simulator;

namespace LicenseGovernance.Tests.Engine;

/// <summary>An engine with its own settings folder, connected in-process to a fresh simulated tenant.</summary>
internal sealed class EngineFixture : IDisposable
{
    public EngineFixture(int users = 300, SimulatedPrincipal? principal = null, SimulatedTenant? tenant = null)
    {
        SettingsDirectory = Path.Combine(Path.GetTempPath(), "lg-engine-" + Guid.NewGuid().ToString("N"));
        Engine = new GovernanceEngine(new EngineOptions { SettingsDirectory = SettingsDirectory, JournalPath = Path.Combine(SettingsDirectory, "journal.jsonl") });
        Tenant = tenant ?? SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = users, Now = LicenseGovernance.Tests.Simulator.SimulatorFixture.Now });
        Engine.ConnectSimulator(Tenant, principal);
    }

    public GovernanceEngine Engine { get; }

    public SimulatedTenant Tenant { get; }

    public string SettingsDirectory { get; }

    public void Dispose()
    {
        Engine.Disconnect();
        if (Directory.Exists(SettingsDirectory))
        {
            Directory.Delete(SettingsDirectory, recursive: true);
        }
    }
}
