using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Shared by Add- and Remove-TierAssignment: the engine plans the request, the cmdlet confirms it with its body in the
    /// description (so -WhatIf shows what would be sent), and the engine sends exactly that plan.
    /// </summary>
    public abstract class TierAssignmentCmdlet : PlannedChangeCmdlet<TierAssignmentPlan, TierAssignmentRequestInfo>
    {
        internal override Task<TierAssignmentRequestInfo> ApplyAsync(TierAssignmentPlan plan, IGovernanceSink sink) => Engine.ApplyTierAssignmentPlanAsync(plan, sink);
    }
}
