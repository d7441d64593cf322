namespace LicenseGovernance.Simulator.OData
{
    /// <summary>One row of the per-entity capability table.</summary>
    public sealed class PropertyCapability
    {
        public PropertyCapability(
            FilterValueKind kind,
            FilterOperators operators,
            bool advancedOnly = false,
            FilterOperators advancedOperators = FilterOperators.None,
            string? typeName = null)
        {
            Kind = kind;
            Operators = operators;
            AdvancedOnly = advancedOnly;
            AdvancedOperators = advancedOperators;
            TypeName = typeName;
        }

        public FilterValueKind Kind { get; }

        public FilterOperators Operators { get; }

        /// <summary>Any filter on this property needs ConsistencyLevel: eventual and $count=true.</summary>
        public bool AdvancedOnly { get; }

        /// <summary>Operators that need advanced query parameters on this property only, on top of the table-wide ones.</summary>
        public FilterOperators AdvancedOperators { get; }

        /// <summary>The OData type of a complex value or collection item, named in "Could not find a property" errors.</summary>
        public string? TypeName { get; }
    }
}
