using System.Management.Automation;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Creates a tier's access package (catalog, catalog resource, package holding only the tier group's Member role, and its
    /// assignment policy), or brings it to exactly the settings given. Run again with the same arguments, it writes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TierAccessPackage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(TierAccessPackage))]
    public sealed class NewTierAccessPackageCommand : TierAccessPackageCmdlet
    {
        [Parameter]
        [ValidateSet("None", "Manager", "ManagerThenApprover")]
        public string? Approval { get; set; }

        [Parameter]
        public SwitchParameter AllowWithoutApproval { get; set; }

        [Parameter]
        public SwitchParameter ExtensionWithoutApproval { get; set; }

        /// <summary>The stricter exception package of document 000 (the same as New-LicenseExceptionPackage).</summary>
        [Parameter]
        public SwitchParameter Exception { get; set; }

        protected override void ProcessRecord()
        {
            var request = BaseRequest();
            request.Approval = Approval;
            request.AllowWithoutApproval = AllowWithoutApproval;
            request.ExtensionWithoutApproval = ExtensionWithoutApproval;
            request.Exception = Exception;
            PlanConfirmApply(sink => Engine.PlanTierAccessPackageAsync(request, sink));
        }
    }
}
