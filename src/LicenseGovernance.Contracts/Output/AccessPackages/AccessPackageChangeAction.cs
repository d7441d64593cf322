namespace LicenseGovernance
{
    /// <summary>What an <see cref="AccessPackageChange"/> does to its Graph object.</summary>
    public enum AccessPackageChangeAction
    {
        Create,
        Update,
        /// <summary>Adds a resource to a catalog, or a resource role to a package.</summary>
        Add,
        Delete,
        /// <summary>Removes a resource from a catalog, or a resource role from a package.</summary>
        Remove,
    }
}
