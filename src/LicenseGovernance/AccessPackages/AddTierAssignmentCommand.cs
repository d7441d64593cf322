using System;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// An administrator's direct assignment of a tier package to a user (adminAdd). No approval, but it still expires as
    /// the policy says, or at -EndDate / after -Days within the policy's maximum. Journaled; Undo-LicenseChange reverses it.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TierAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierAssignmentRequestInfo))]
    public sealed class AddTierAssignmentCommand : TierAssignmentCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserPrincipalName", "UserId", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string User { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string Tier { get; set; } = "";

        /// <summary>Either this or -Days (the engine refuses both); neither takes the policy's end.</summary>
        [Parameter]
        public DateTimeOffset? EndDate { get; set; }

        [Parameter]
        [ValidateRange(1, 3650)]
        public int? Days { get; set; }

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
            var request = new AddTierAssignmentRequest
            {
                User = User,
                Tier = Tier,
                Catalog = Catalog,
                Justification = Justification,
                EndDate = EndDate?.ToUniversalTime(),
                Days = Days,
            };
            PlanConfirmApply(sink => Engine.PlanAddTierAssignmentAsync(request, sink));
        }
    }
}
