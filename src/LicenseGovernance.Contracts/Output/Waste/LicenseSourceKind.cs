namespace LicenseGovernance
{
    /// <summary>How a licence reaches a user.</summary>
    public enum LicenseSourceKind
    {
        /// <summary>Assigned to the user with assignLicense.</summary>
        Direct,
        /// <summary>Inherited as a member of a licence group.</summary>
        Group,
        /// <summary>Inherited through a group membership that an access package assignment delivers.</summary>
        AccessPackage,
    }
}
