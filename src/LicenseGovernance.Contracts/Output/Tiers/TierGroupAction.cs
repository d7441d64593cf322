namespace LicenseGovernance
{
    /// <summary>What a <see cref="TierGroupPlan"/> does to its group.</summary>
    public enum TierGroupAction
    {
        /// <summary>The group already matches; nothing to change.</summary>
        None,
        Create,
        Update,
        Remove,
    }
}
