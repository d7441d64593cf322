namespace LicenseGovernance.Simulator.OData
{
    public enum FilterValueKind
    {
        String,
        Boolean,
        Int32,
        Guid,
        DateTimeOffset,

        /// <summary>A single complex value such as onPremisesExtensionAttributes; only its sub-properties compare.</summary>
        Complex,

        /// <summary>A collection of complex values (assignedLicenses); sub-properties are reached through any().</summary>
        ComplexCollection,

        /// <summary>A collection of strings (groupTypes, proxyAddresses); the lambda variable is the item itself.</summary>
        StringCollection,
    }
}
