using System;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Shared by Add- and Remove-TierAssignment: the engine plans the request, the cmdlet shows the plan's warnings and
    /// its request body (to -Verbose, so it is visible under -WhatIf in any host), asks ShouldProcess, and the engine sends exactly that plan.
    /// </summary>
    public abstract class TierAssignmentCmdlet : LicenseGovernanceCmdlet
    {
        internal void PlanConfirmAndApply(Func<IGovernanceSink, Task<TierAssignmentPlan>> planning)
        {
            if (TryRunEngine(planning, out var plan)
                && Confirm(plan)
                && TryRunEngine(sink => Engine.ApplyTierAssignmentPlanAsync(plan, sink), out var sent))
            {
                WriteObject(sent);
            }
        }

        private bool Confirm(TierAssignmentPlan plan)
        {
            foreach (var warning in plan.Warnings)
            {
                WriteWarning(warning);
            }

            WriteVerbose(plan.Target + ": " + plan.Describe());
            return ShouldProcess(plan.Target, plan.Describe());
        }
    }
}
