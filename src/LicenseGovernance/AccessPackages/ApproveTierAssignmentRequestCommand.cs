using System.Management.Automation;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>An approver's approval of a request's current stage; the last stage's approval delivers the tier.</summary>
    [Cmdlet(VerbsLifecycle.Approve, "TierAssignmentRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TierAssignmentRequestInfo))]
    public sealed class ApproveTierAssignmentRequestCommand : TierRequestDecisionCmdlet
    {
        internal override bool Approve => true;
    }
}
