using System.Text.RegularExpressions;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>PowerShell-style wildcards (* and ?), case-insensitive, for name filters.</summary>
    internal static class WildcardPattern
    {
        public static bool HasWildcard(string pattern) => pattern.IndexOfAny(new[] { '*', '?' }) >= 0;

        public static bool IsMatch(string pattern, string? value) => value != null && ToRegex(pattern).IsMatch(value);

        public static Regex ToRegex(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
