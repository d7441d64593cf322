using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;

namespace LicenseGovernance.Commands.Simulation
{
    /// <summary>The simulated tenant's clock, and when its next background work falls due.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseSimulatorTime")]
    [OutputType(typeof(LicenseSimulatorTime))]
    public sealed class GetLicenseSimulatorTimeCommand : LicenseGovernanceCmdlet
    {
        protected override void ProcessRecord() => WriteObject(RunEngine(sink => Engine.GetSimulatorTimeAsync(sink)));
    }
}
