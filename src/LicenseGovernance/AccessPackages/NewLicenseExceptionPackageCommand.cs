using System.Management.Automation;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// The exception package of document 000 for a tier: the manager and then a licence administrator (-Approver) must
    /// approve, the maximum is short (30 days unless -ExpirationDays), and every extension needs approval again.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LicenseExceptionPackage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(TierAccessPackage))]
    public sealed class NewLicenseExceptionPackageCommand : TierAccessPackageCmdlet
    {
        protected override void ProcessRecord()
        {
            var request = BaseRequest();
            request.Exception = true;
            PlanConfirmApply(sink => Engine.PlanTierAccessPackageAsync(request, sink));
        }
    }
}
