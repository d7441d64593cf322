using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;

namespace LicenseGovernance.Commands.Connection
{
    /// <summary>Shows the current connection: tenant, account or app, cloud, endpoint, scopes or roles, simulator or not.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseGovernanceContext")]
    [OutputType(typeof(LicenseGovernanceContext))]
    public sealed class GetLicenseGovernanceContextCommand : LicenseGovernanceCmdlet
    {
        protected override void ProcessRecord()
        {
            var context = Engine.Context;
            if (context == null)
            {
                ThrowParameterError(Errors.NotConnected());
            }

            WriteObject(context);
        }
    }
}
