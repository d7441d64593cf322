using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Health
{
    /// <summary>The tenant's 0-100 licence health score, with each component's weight, value, points and the command that fixes it.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseHealth")]
    [OutputType(typeof(LicenseHealth))]
    public sealed class GetLicenseHealthCommand : LicenseGovernanceCmdlet
    {
        /// <summary>Days without a successful sign-in after which a licence counts as a zombie's (as Get-ZombieLicense -InactiveDays).</summary>
        [Parameter]
        [ValidateRange(GetZombieLicenseRequest.MinInactiveDays, GetZombieLicenseRequest.MaxInactiveDays)]
        public int InactiveDays { get; set; } = 90;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void EndProcessing()
        {
            try
            {
                var request = new GetLicenseHealthRequest { InactiveDays = InactiveDays };
                RunEngine(sink => Engine.GetLicenseHealthAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
