namespace LicenseGovernance
{
    public enum LicenseTimelineChange
    {
        /// <summary>Held before the timeline's first recorded change for the user (seeded or loaded state).</summary>
        Held,
        Gained,
        Lost,
    }
}
