using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Waste
{
    /// <summary>
    /// Licences paid for nobody: one object per user and SKU with the reasons, the evidence, how the licence arrives and
    /// what it costs, written as the user pages arrive.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZombieLicense")]
    [OutputType(typeof(ZombieLicense))]
    public sealed class GetZombieLicenseCommand : ZombieQueryCmdlet
    {
        protected override void EndProcessing()
        {
            try
            {
                var request = ZombieRequest();
                RunEngine(sink => Engine.GetZombieLicensesAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
