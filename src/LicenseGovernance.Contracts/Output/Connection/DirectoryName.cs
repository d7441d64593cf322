namespace LicenseGovernance
{
    /// <summary>A user or group of the connected tenant offered by tab completion: the name to type and what it is.</summary>
    public sealed class DirectoryName
    {
        /// <summary>What a parameter takes: a user's principal name, a group's display name.</summary>
        public string Name { get; set; } = "";
        public string? DisplayName { get; set; }
        public DirectoryNameKind Kind { get; set; }
        public string Id { get; set; } = "";

        public override string ToString() => Name;
    }

    public enum DirectoryNameKind
    {
        User,
        Group,
    }
}
