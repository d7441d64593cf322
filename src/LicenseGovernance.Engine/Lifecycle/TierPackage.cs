namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>An access package that grants a tier group's Member role; the policy is known only where a task needs it.</summary>
    internal sealed class TierPackage
    {
        public TierPackage(string id, string name, string? policyId)
        {
            Id = id;
            Name = name;
            PolicyId = policyId;
        }

        public string Id { get; }

        public string Name { get; }

        /// <summary>The module's own assignment policy, for "Request user access package assignment"; null where not read.</summary>
        public string? PolicyId { get; }
    }
}
