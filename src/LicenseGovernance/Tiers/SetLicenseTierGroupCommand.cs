using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>
    /// Changes an existing tier: only the settings given change, and the difference is shown before it is applied. A change
    /// that takes a SKU or service plan from members who hold it from nowhere else needs -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LicenseTierGroup", SupportsShouldProcess = true, DefaultParameterSetName = AllPlansSet)]
    [OutputType(typeof(LicenseTierGroup))]
    public sealed class SetLicenseTierGroupCommand : TierGroupCmdlet
    {
        /// <summary>The tier's name or group id; GroupId is tried first when a tier is piped, since names need not be unique.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = AllPlansSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = EnabledPlanSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = DisabledPlanSet)]
        [Alias("GroupId", "DisplayName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>
        /// No SkuId/SkuPartNumber aliases here: they would have to bind from the pipeline, and a piped
        /// Get-GroupLicenseError row would then silently replace the tier's SKUs with the one in error.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        [Parameter]
        [ValidateRange(TierGroupRequest.MinTier, TierGroupRequest.MaxTier)]
        public int? Rank { get; set; }

        [Parameter]
        public SwitchParameter Baseline { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EnabledPlanSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public string[]? EnabledPlan { get; set; }

        /// <summary>An empty list (-DisabledPlan @()) turns every plan back on.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DisabledPlanSet)]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public string[]? DisabledPlan { get; set; }

        /// <summary>An empty string turns a dynamic tier static, keeping the members its rule last chose.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? MembershipRule { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Members may lose a SKU or service plan they hold from nowhere else; without it such a change is refused.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new TierGroupRequest
            {
                Name = Name,
                CreateIfMissing = false,
                Sku = Sku,
                Rank = Rank,
                Baseline = BoundSwitch(nameof(Baseline), Baseline.IsPresent),
                EnabledPlan = EnabledPlan,
                DisabledPlan = DisabledPlan,
                MembershipRule = MembershipRule,
                Description = Description,
                Force = Force,
            };

            // One bad tier among several piped ones is reported, and the others still change.
            PlanConfirmApply(sink => Engine.PlanTierGroupAsync(request, sink));
        }
    }
}
