using System;
using System.Threading.Tasks;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Base of every cmdlet that changes one target through a plan (docs/ARCHITECTURE.md, Confirmation): the engine plans
    /// without writing, the cmdlet shows the plan's warnings and asks ShouldProcess with the plan's own target and
    /// description, and the engine applies exactly that plan. Applying asks nothing more, so nothing is asked twice.
    /// </summary>
    public abstract class PlannedChangeCmdlet<TPlan, TResult> : LicenseGovernanceCmdlet
        where TPlan : class, IChangePlan
    {
        /// <summary>
        /// True where the plan is made once from the command's own parameters: a plan that fails is then a bad parameter and
        /// ends the command. Otherwise each piped item has its plan, and a failure is reported and the next item goes on.
        /// </summary>
        protected virtual bool PlanFailureEndsCommand => false;

        internal abstract Task<TResult> ApplyAsync(TPlan plan, IGovernanceSink sink);

        /// <summary>Writes what applying returned; a null result writes nothing.</summary>
        internal virtual void WriteResult(TPlan plan, TResult result)
        {
            if (result != null)
            {
                WriteObject(result);
            }
        }

        /// <summary>Plans, confirms and applies; a failure to apply is reported and the pipeline goes on.</summary>
        internal void PlanConfirmApply(Func<IGovernanceSink, Task<TPlan>> planning)
        {
            if (TryPlan(planning, out var plan) && Confirm(plan) && TryRunEngine(sink => ApplyAsync(plan, sink), out var result))
            {
                WriteResult(plan, result);
            }
        }

        private bool TryPlan(Func<IGovernanceSink, Task<TPlan>> planning, out TPlan plan)
        {
            if (!PlanFailureEndsCommand)
            {
                return TryRunEngine(planning, out plan);
            }

            plan = RunEngine(planning);
            return true;
        }

        /// <summary>
        /// Writes the warnings and asks ShouldProcess; true when the plan may be applied. A plan that changes nothing is not
        /// asked about (there is nothing to confirm) and is applied so that the engine returns the target as it is.
        /// </summary>
        private bool Confirm(TPlan plan)
        {
            foreach (var warning in plan.Warnings)
            {
                WriteWarning(warning);
            }

            if (plan.IsNoChange)
            {
                WriteVerbose(plan.Description);
                return true;
            }

            // -WhatIf writes ShouldProcess's text to the host only; this copy shows it under -Verbose in any host too.
            WriteVerbose(plan.Target + ": " + plan.Description);
            return ShouldProcess(plan.Target, plan.Description);
        }
    }
}
