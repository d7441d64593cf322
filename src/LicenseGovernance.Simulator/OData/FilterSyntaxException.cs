using System;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>Raised inside the lexer and parser; <see cref="ODataFilter.Parse(string, FilterEntity, bool)"/> turns it into Graph's "Invalid filter clause" error.</summary>
    internal sealed class FilterSyntaxException : Exception
    {
        public FilterSyntaxException(string detail)
            : base(detail)
        {
        }
    }
}
