using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;

namespace LicenseGovernance.Commands.Connection
{
    /// <summary>Ends the session's connection and forgets its token. Writes the context that was closed.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "LicenseGovernance")]
    [OutputType(typeof(LicenseGovernanceContext))]
    public sealed class DisconnectLicenseGovernanceCommand : LicenseGovernanceCmdlet
    {
        protected override void ProcessRecord()
        {
            var context = Engine.Context;
            if (!Engine.Disconnect())
            {
                WriteWarning("There was no connection to close.");
                return;
            }

            WriteObject(context);
        }
    }
}
