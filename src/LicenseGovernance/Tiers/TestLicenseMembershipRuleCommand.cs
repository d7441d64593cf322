using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>
    /// Validates a dynamic membership rule and previews it against every user: who would join, who would leave, seats
    /// and monthly cost. Nothing is written to the tenant, so there is nothing to confirm.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "LicenseMembershipRule")]
    [OutputType(typeof(LicenseRulePreview))]
    public sealed class TestLicenseMembershipRuleCommand : LicenseGovernanceCmdlet
    {
        /// <summary>A piped tier binds its own rule here (and its group to -Group), to see what the rule does today.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("MembershipRule")]
        [ValidateNotNullOrEmpty]
        public string Rule { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string? Sku { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "DisplayName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string? Group { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new TestMembershipRuleRequest { Rule = Rule, Sku = Sku, Group = Group };
            if (TryRunEngine(sink => Engine.TestMembershipRuleAsync(request, sink), out var preview))
            {
                WriteObject(preview);
            }
        }
    }
}
