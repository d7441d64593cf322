namespace LicenseGovernance
{
    /// <summary>What a <see cref="TierAssignmentPlan"/> asks entitlement management for: an administrator's assignment, or its removal.</summary>
    public enum TierAssignmentAction
    {
        Add,
        Remove,
    }
}
