using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>Users outside "exactly one tier": in two tiers, a tier and its SKU directly, a tier's SKU without a tier, no tier, ungoverned, with the remedy.</summary>
    [Cmdlet(VerbsCommon.Get, "LicenseTierConflict")]
    [OutputType(typeof(TierConflict))]
    public sealed class GetLicenseTierConflictCommand : PipedUsersCmdlet
    {
        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter]
        public TierConflictKind[]? Kind { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        private protected override string[]? PipedUser => User;

        // Piped users are read in one engine call, so the tier system is read once.
        private protected override void Run(string[]? users)
        {
            var request = new GetLicenseTierConflictRequest { User = users, Kind = Kind };
            RunEngine(sink => Engine.GetLicenseTierConflictsAsync(request, sink));
        }
    }
}
