using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;

namespace LicenseGovernance.Commands.Connection
{
    /// <summary>One row per module capability: the least-privileged permission, whether the token holds it, the tenant licence it needs.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "LicenseGovernancePermission")]
    [OutputType(typeof(LicensePermissionCheck))]
    public sealed class TestLicenseGovernancePermissionCommand : LicenseGovernanceCmdlet
    {
        protected override void ProcessRecord() => RunEngine(sink => Engine.TestPermissionsAsync(sink));
    }
}
