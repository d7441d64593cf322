namespace LicenseGovernance.MembershipRules
{
    /// <summary>The object a rule is evaluated against: a user, as the engine or the simulated tenant holds it.</summary>
    public interface IRuleSubject
    {
        /// <summary>
        /// The value of a user property by its canonical name (one of <see cref="RuleProperties.All"/>):
        /// a string, a bool for <c>accountEnabled</c>, or null when the property is unset.
        /// An empty string counts as unset, because Graph never stores an empty string for these properties.
        /// </summary>
        object? GetValue(string property);
    }
}
