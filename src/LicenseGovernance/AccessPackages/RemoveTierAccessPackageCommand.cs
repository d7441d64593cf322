using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Takes a tier's access package down (document 002 step 7): its policies, its resource role scope, the package, and the
    /// catalog resource when no other package uses the group. Refused while the package has active assignments unless
    /// -Force, which first moves each holder in the safe order to the tier they hold without it.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TierAccessPackage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByTierSet)]
    [OutputType(typeof(TierAccessPackageRemoval))]
    public sealed class RemoveTierAccessPackageCommand : PlannedChangeCmdlet<TierAccessPackageRemovalPlan, TierAccessPackageRemoval>
    {
        private const string ByTierSet = "ByTier";
        private const string InputObjectSet = "InputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByTierSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierAccessPackageNameCompleter))]
        public string Tier { get; set; } = "";

        [Parameter(ParameterSetName = ByTierSet)]
        public SwitchParameter Exception { get; set; }

        [Parameter(ParameterSetName = ByTierSet)]
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

        /// <summary>
        /// Packages from Get-TierAccessPackage, by value only: a tier assignment also carries a package id, and piping one
        /// here must not take the whole package down.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public TierAccessPackage? InputObject { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Seconds each wait lasts at most: Entra applying a holder's new tier, entitlement management ending the assignments.</summary>
        [Parameter]
        [ValidateRange(0, SyncLicenseTierRequest.MaxWaitTimeoutSeconds)]
        public int WaitTimeout { get; set; } = RemoveTierAccessPackageRequest.DefaultWaitTimeoutSeconds;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var request = new RemoveTierAccessPackageRequest
            {
                Tier = InputObject?.Id.ToString() ?? Tier,
                Exception = Exception,
                Catalog = InputObject?.Catalog ?? Catalog,
                Force = Force,
                WaitTimeoutSeconds = WaitTimeout,
            };
            PlanConfirmApply(sink => Engine.PlanRemoveTierAccessPackageAsync(request, sink));
        }

        internal override Task<TierAccessPackageRemoval> ApplyAsync(TierAccessPackageRemovalPlan plan, IGovernanceSink sink) => Engine.ApplyRemoveTierAccessPackagePlanAsync(plan, sink);
    }
}
