using System.Globalization;
using LicenseGovernance.Commands.Hosting;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>
    /// Shared by New-, Set- and Remove-LicenseTierGroup: the engine plans, the cmdlet shows the plan's warnings and asks
    /// ShouldProcess with the plan's own description, then the engine applies exactly that plan.
    /// </summary>
    public abstract class TierGroupCmdlet : LicenseGovernanceCmdlet
    {
        internal const string AllPlansSet = "AllPlans";
        internal const string EnabledPlanSet = "EnabledPlan";
        internal const string DisabledPlanSet = "DisabledPlan";

        /// <summary>
        /// Writes the plan's warnings and asks ShouldProcess; true when the plan may be applied. A plan that changes
        /// nothing is not asked about (there is nothing to confirm) and is applied so that the engine returns the tier as it is.
        /// </summary>
        internal bool ShowAndConfirm(TierGroupPlan plan)
        {
            foreach (var warning in plan.Warnings)
            {
                WriteWarning(warning);
            }

            if (plan.IsNoChange)
            {
                WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Tier group '{0}' already matches; nothing to change.", plan.DisplayName));
                return true;
            }

            return ShouldProcess(plan.DisplayName, plan.Describe());
        }

        /// <summary>Applies a confirmed plan and writes the tier the engine returns; a failure is reported and the pipeline goes on.</summary>
        internal void ApplyAndWrite(TierGroupPlan plan)
        {
            if (TryRunEngine(sink => Engine.ApplyTierGroupPlanAsync(plan, sink), out var tier) && tier != null)
            {
                WriteObject(tier);
            }
        }

        /// <summary>A switch that was not given means "leave as it is" (null); -Switch:$false means false.</summary>
        internal bool? BoundSwitch(string name, bool value) => MyInvocation.BoundParameters.ContainsKey(name) ? value : (bool?)null;
    }
}
