using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>
    /// Creates a licence tier (a security group used only for licensing, carrying one or more SKUs), or brings an
    /// existing tier of that name to the state given; what is not given (its membership rule, its description) stays as
    /// it is. Run again with the same arguments, it changes nothing. Taking licences from members needs -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LicenseTierGroup", SupportsShouldProcess = true, DefaultParameterSetName = AllPlansSet)]
    [OutputType(typeof(LicenseTierGroup))]
    public sealed class NewLicenseTierGroupCommand : TierGroupCmdlet
    {
        private readonly List<string> _skus = new List<string>();
        private bool _received;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AllPlansSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EnabledPlanSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DisabledPlanSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>Piped SKUs (Get-LicenseSku) all go on this one tier: a bundle.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuPartNumber", "SkuId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[] Sku { get; set; } = Array.Empty<string>();

        [Parameter]
        [ValidateRange(TierGroupRequest.MinTier, TierGroupRequest.MaxTier)]
        public int? Rank { get; set; }

        [Parameter]
        public SwitchParameter Baseline { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EnabledPlanSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public string[]? EnabledPlan { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DisabledPlanSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public string[]? DisabledPlan { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MembershipRule { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Makes a group that serves another purpose a tier, or takes from members a SKU or plan they hold from nowhere else.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Bad input (unknown SKU or plan, invalid rule, a name taken by another kind of group) is a bad parameter: the plan
        /// throws and the command ends before anything is asked or written.
        /// </summary>
        protected override bool PlanFailureEndsCommand => true;

        protected override void ProcessRecord()
        {
            _received = true;
            _skus.AddRange(Sku.Where(s => !_skus.Contains(s, StringComparer.OrdinalIgnoreCase)));
        }

        protected override void EndProcessing()
        {
            try
            {
                // Downstream of an empty pipeline there is no SKU at all, and so no tier to make.
                if (_received)
                {
                    CreateOrConverge();
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }

        private void CreateOrConverge()
        {
            var request = new TierGroupRequest
            {
                Name = Name,
                CreateIfMissing = true,
                Sku = _skus.ToArray(),
                Rank = Rank,
                // New states the whole tier: without -Baseline the tier is not the baseline.
                Baseline = Baseline.IsPresent,
                EnabledPlan = EnabledPlan,
                DisabledPlan = DisabledPlan,
                MembershipRule = MembershipRule,
                Description = Description,
                Force = Force,
            };

            PlanConfirmApply(sink => Engine.PlanTierGroupAsync(request, sink));
        }
    }
}
