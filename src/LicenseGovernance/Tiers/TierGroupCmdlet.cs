using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>Shared by New-, Set- and Remove-LicenseTierGroup: their plans are applied by the same engine call.</summary>
    public abstract class TierGroupCmdlet : PlannedChangeCmdlet<TierGroupPlan, LicenseTierGroup?>
    {
        internal const string AllPlansSet = "AllPlans";
        internal const string EnabledPlanSet = "EnabledPlan";
        internal const string DisabledPlanSet = "DisabledPlan";

        internal override Task<LicenseTierGroup?> ApplyAsync(TierGroupPlan plan, IGovernanceSink sink) => Engine.ApplyTierGroupPlanAsync(plan, sink);

        /// <summary>A switch that was not given means "leave as it is" (null); -Switch:$false means false.</summary>
        internal bool? BoundSwitch(string name, bool value) => MyInvocation.BoundParameters.ContainsKey(name) ? value : (bool?)null;
    }
}
