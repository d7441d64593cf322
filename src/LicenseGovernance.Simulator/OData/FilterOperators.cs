using System;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// What a property allows in <c>$filter</c>. On a collection, <see cref="Any"/>, <see cref="Count"/> and
    /// <see cref="Not"/> apply to the collection; the comparison flags apply to its items inside a lambda.
    /// </summary>
    [Flags]
    public enum FilterOperators
    {
        None = 0,
        Eq = 1 << 0,
        Ne = 1 << 1,
        Not = 1 << 2,
        Gt = 1 << 3,
        Ge = 1 << 4,
        Lt = 1 << 5,
        Le = 1 << 6,
        In = 1 << 7,
        StartsWith = 1 << 8,
        EndsWith = 1 << 9,

        /// <summary><c>eq null</c>, which Graph lists separately from <c>eq</c> on a value.</summary>
        EqNull = 1 << 10,
        Any = 1 << 11,

        /// <summary>The <c>prop/$count eq 0</c> forms.</summary>
        Count = 1 << 12,
    }
}
