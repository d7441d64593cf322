namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// An object a compiled <see cref="ODataFilter"/> can read. Property names are Graph's camelCase names.
    /// Values: null, string, bool, int, long, DateTimeOffset, Guid, a nested <see cref="IFilterable"/> for complex
    /// properties, or an <see cref="System.Collections.IEnumerable"/> of those for collections.
    /// </summary>
    public interface IFilterable
    {
        /// <returns>false when the object has no such property; the filter then treats the value as null.</returns>
        bool TryGetProperty(string name, out object? value);
    }
}
