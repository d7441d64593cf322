using LicenseGovernance.MembershipRules;

namespace LicenseGovernance.Tests.MembershipRules
{
    /// <summary>A user as a dictionary of canonical property names; records what the rule asked for.</summary>
    internal sealed class RuleUser : IRuleSubject
    {
        private readonly Dictionary<string, object?> _values;

        public RuleUser(params (string Property, object? Value)[] values)
        {
            _values = values.ToDictionary(v => v.Property, v => v.Value, StringComparer.Ordinal);
        }

        public List<string> Requested { get; } = new List<string>();

        public object? GetValue(string property)
        {
            Requested.Add(property);
            return _values.TryGetValue(property, out var value) ? value : null;
        }
    }
}
