using System.Management.Automation;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>An approver's denial of a request's current stage, which ends the request.</summary>
    [Cmdlet(VerbsLifecycle.Deny, "TierAssignmentRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierAssignmentRequestInfo))]
    public sealed class DenyTierAssignmentRequestCommand : TierRequestDecisionCmdlet
    {
        internal override bool Approve => false;
    }
}
