using System.Collections.Generic;
using LicenseGovernance.Simulator.OData;

namespace LicenseGovernance.Tests.Simulator.Query
{
    /// <summary>A dictionary-backed object for filter tests; a missing key reads as absent, as on a real user.</summary>
    internal sealed class FakeFilterable : IFilterable
    {
        private readonly Dictionary<string, object?> values;

        public FakeFilterable(params (string Name, object? Value)[] properties)
        {
            values = new Dictionary<string, object?>();
            foreach (var (name, value) in properties)
            {
                values[name] = value;
            }
        }

        public bool TryGetProperty(string name, out object? value)
        {
            return values.TryGetValue(name, out value);
        }
    }
}
