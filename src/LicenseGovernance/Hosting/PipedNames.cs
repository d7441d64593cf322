using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// The values one parameter took across every piped record, each once, for cmdlets that make one engine run in
    /// EndProcessing: there the parameter holds only the last record's value.
    /// </summary>
    internal sealed class PipedNames
    {
        private readonly List<string> _names = new List<string>();

        public void Add(IEnumerable<string>? names)
        {
            if (names != null)
            {
                _names.AddRange(names.Where(n => !_names.Contains(n, StringComparer.OrdinalIgnoreCase)));
            }
        }

        /// <summary>Null when no record gave a value, which the engine takes as "all".</summary>
        public string[]? ToArray() => _names.Count == 0 ? null : _names.ToArray();
    }
}
