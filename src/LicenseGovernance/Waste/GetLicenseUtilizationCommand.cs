using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>Per SKU: seats purchased, assigned, available and assigned to zombies, and what the unused and zombie seats cost.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseUtilization")]
    [OutputType(typeof(LicenseUtilization))]
    public sealed class GetLicenseUtilizationCommand : ZombieQueryCmdlet
    {
        protected override void EndProcessing()
        {
            try
            {
                var request = ZombieRequest();
                RunEngine(sink => Engine.GetLicenseUtilizationAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
