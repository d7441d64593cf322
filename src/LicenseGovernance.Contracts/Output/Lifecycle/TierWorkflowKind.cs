namespace LicenseGovernance
{
    /// <summary>Which of document 000's two workflows a lifecycle workflow is.</summary>
    public enum TierWorkflowKind
    {
        /// <summary>Fires when a user joins one tier and ends their assignments of the other tiers' access packages.</summary>
        RemoveConflictingTiers,
        /// <summary>Fires when a user leaves a tier above the baseline and gives the baseline back.</summary>
        RestoreBaseline,
    }
}
