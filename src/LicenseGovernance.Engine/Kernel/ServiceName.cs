using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// The service a plan's friendly name stands for, as people name it: "SharePoint Online" for "SharePoint (Plan 2)",
    /// "Exchange Online" for "Exchange Online (Plan 2)". The plan edition in brackets and the words every product carries
    /// (Microsoft, Online) say nothing about which service is meant.
    /// </summary>
    internal static class ServiceName
    {
        private static readonly HashSet<string> Filler = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "MICROSOFT", "ONLINE" };
        private static readonly Regex Edition = new Regex(@"\([^)]*\)", RegexOptions.CultureInvariant);
        private static readonly Regex Word = new Regex(@"[A-Za-z0-9]+", RegexOptions.CultureInvariant);

        /// <summary>The words that identify the service, upper case.</summary>
        public static ISet<string> Words(string? name) =>
            new HashSet<string>(Word.Matches(Edition.Replace(name ?? "", " ")).Cast<Match>().Select(m => m.Value.ToUpperInvariant()).Where(w => !Filler.Contains(w)));

        /// <summary>Whether the two names stand for the same service.</summary>
        public static bool Same(string? typed, string? friendlyName)
        {
            var a = Words(typed);
            return a.Count > 0 && a.SetEquals(Words(friendlyName));
        }

        /// <summary>Whether the names share a service word ("SharePoint Server" and "SharePoint (Plan 2)"): worth suggesting.</summary>
        public static bool Related(string? typed, string? friendlyName) => Words(typed).Overlaps(Words(friendlyName));
    }
}
