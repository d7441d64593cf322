using System.IO;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;

namespace LicenseGovernance.Commands.Simulation
{
    /// <summary>Saves the simulated tenant's whole state to a file; Connect-LicenseGovernance -Simulator -SnapshotPath loads it.</summary>
    [Cmdlet(VerbsData.Save, "LicenseGovernanceSnapshot", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveLicenseGovernanceSnapshotCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord()
        {
            RequireSimulator();
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            if (!ShouldProcess(path, "Save the simulated tenant's state"))
            {
                return;
            }

            RunEngine(sink => Engine.SaveSnapshotAsync(path, sink));
            WriteObject(new FileInfo(path));
        }
    }
}
