namespace LicenseGovernance.Simulator.OData
{
    public enum FilterEntity
    {
        User,
        Group,
    }
}
