namespace LicenseGovernance.Requests
{
    /// <summary>Users and/or groups whose name starts with <see cref="Prefix"/>, a few at most: what tab completion asks.</summary>
    public sealed class DirectoryNameRequest
    {
        /// <summary>The most asked for; Graph's $top. Completion lists are read by eye.</summary>
        public const int MaxTop = 50;

        public string Prefix { get; set; } = "";
        public bool Users { get; set; }
        public bool Groups { get; set; }
        public int Top { get; set; } = 20;
    }
}
