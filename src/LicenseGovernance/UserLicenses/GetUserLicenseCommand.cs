using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Commands.Tiers;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.UserLicenses
{
    /// <summary>
    /// What licences users hold and why: per user and SKU, every way it arrives (direct, groups, the access package
    /// assignment that brings a group, until when), the plans enabled over all of them, the state and error, the tier.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UserLicense", DefaultParameterSetName = HeldSet)]
    [OutputType(typeof(UserLicense))]
    public sealed class GetUserLicenseCommand : PipedUsersCmdlet
    {
        private const string HeldSet = "Held";
        private const string UnlicensedSet = "Unlicensed";

        private readonly PipedNames _skus = new PipedNames();

        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        /// <summary>Binds SkuPartNumber from piped rows (Get-LicenseSku, Get-LicensePrice), gathered across the pipeline.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = HeldSet)]
        [Alias("SkuPartNumber")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        /// <summary>A tier group (name, id, or the object Get-LicenseTierGroup writes, which reads as its name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string? Tier { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UnlicensedSet)]
        public SwitchParameter Unlicensed { get; set; }

        private protected override string[]? PipedUser => User;

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            _skus.Add(Sku);
        }

        private protected override void Run(string[]? users)
        {
            var request = new GetUserLicenseRequest { User = users, Sku = _skus.ToArray(), Tier = Tier, Unlicensed = Unlicensed };
            RunEngine(sink => Engine.GetUserLicensesAsync(request, sink));
        }
    }
}
