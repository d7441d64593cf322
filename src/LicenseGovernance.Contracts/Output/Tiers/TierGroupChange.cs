namespace LicenseGovernance
{
    /// <summary>One setting of a tier group as a <see cref="TierGroupPlan"/> would change it, for display.</summary>
    public sealed class TierGroupChange
    {
        public TierGroupChange(string property, string? from, string? to)
        {
            Property = property;
            From = from;
            To = to;
        }

        public string Property { get; }
        public string? From { get; }
        public string? To { get; }

        public override string ToString() => From == null ? $"{Property} = {To}" : To == null ? $"{Property} removed (was {From})" : $"{Property}: {From} -> {To}";
    }
}
