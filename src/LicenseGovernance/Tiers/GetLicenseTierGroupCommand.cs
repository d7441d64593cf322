using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>The tenant's licence tiers, lowest rank first, with SKUs, plans, membership, processing state, errors and cost.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseTierGroup")]
    [OutputType(typeof(LicenseTierGroup))]
    public sealed class GetLicenseTierGroupCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "DisplayName", "Id")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var request = new GetTierGroupRequest { Name = Name };
            RunEngine(sink => Engine.GetTierGroupsAsync(request, sink));
        }
    }
}
