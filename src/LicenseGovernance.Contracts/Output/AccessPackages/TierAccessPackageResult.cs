namespace LicenseGovernance
{
    /// <summary>What New-TierAccessPackage did to the package.</summary>
    public enum TierAccessPackageResult
    {
        /// <summary>The package and its policy were created.</summary>
        Created,
        /// <summary>An existing package or policy was brought to the requested settings.</summary>
        Updated,
        /// <summary>Everything already matched; nothing was written.</summary>
        Unchanged,
    }
}
