namespace LicenseGovernance
{
    /// <summary>Whether applying a <see cref="TierGroupPlan"/> writes the group's tier record (its rank and baseline flag), and how.</summary>
    public enum TierRecordChange
    {
        None,
        Create,
        Update,
    }
}
