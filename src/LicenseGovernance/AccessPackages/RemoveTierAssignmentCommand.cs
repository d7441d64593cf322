using System;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Ends a user's assignment of a tier package (adminRemove): the user leaves the tier group and its licences go.
    /// Journaled; Undo-LicenseChange requests it again.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TierAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(TierAssignmentRequestInfo))]
    public sealed class RemoveTierAssignmentCommand : TierAssignmentCmdlet
    {
        private const string ByIdSet = "ByAssignmentId";
        private const string ByUserSet = "ByUser";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string AssignmentId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserSet)]
        [Alias("UserPrincipalName", "UserId", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string User { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserSet)]
        [Alias("AccessPackage")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string Tier { get; set; } = "";

        [Parameter]
        public string? Justification { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = ParameterSetName == ByIdSet
                ? new RemoveTierAssignmentRequest { AssignmentId = AssignmentId, Catalog = Catalog, Justification = Justification }
                : new RemoveTierAssignmentRequest { User = User, Tier = Tier, Catalog = Catalog, Justification = Justification };
            PlanConfirmApply(sink => Engine.PlanRemoveTierAssignmentAsync(request, sink));
        }
    }
}
