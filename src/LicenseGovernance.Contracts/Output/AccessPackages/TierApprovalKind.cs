namespace LicenseGovernance
{
    /// <summary>A tier package's approval, in New-TierAccessPackage's -Approval terms.</summary>
    public enum TierApprovalKind
    {
        None,
        /// <summary>One stage: the requestor's manager.</summary>
        Manager,
        /// <summary>Two stages: the manager, then named approvers.</summary>
        ManagerThenApprover,
        /// <summary>Stages this module does not write (made elsewhere, as the portal allows); ApprovalStages says who.</summary>
        Custom,
    }
}
