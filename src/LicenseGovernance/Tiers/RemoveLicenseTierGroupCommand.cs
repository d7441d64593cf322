using System.Management.Automation;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>
    /// Deletes a tier group and its licences. Refuses while members would be left with no licence at all, unless -Force.
    /// Writes the removal that was applied, as Disconnect-LicenseGovernance writes the connection it closed.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "LicenseTierGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TierGroupPlan))]
    public sealed class RemoveLicenseTierGroupCommand : TierGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "DisplayName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new RemoveTierGroupRequest { Group = Name, Force = Force };
            PlanConfirmApply(sink => Engine.PlanRemoveTierGroupAsync(request, sink));
        }

        /// <summary>A removed tier has nothing left to describe, so the removal that was applied is the record.</summary>
        internal override void WriteResult(TierGroupPlan plan, LicenseTierGroup? result) => WriteObject(plan);
    }
}
