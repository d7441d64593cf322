using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// The -User values of every piped record, each once, for cmdlets that hand all of them to one engine run in
    /// EndProcessing (moves in phases across users, one summary, one read of the tenant).
    /// </summary>
    internal sealed class PipedUsers
    {
        private readonly List<string> _users = new List<string>();

        public void Add(IEnumerable<string>? users)
        {
            if (users != null)
            {
                _users.AddRange(users.Where(u => !_users.Contains(u, StringComparer.OrdinalIgnoreCase)));
            }
        }

        /// <summary>Null when none was given: the command then means every user.</summary>
        public string[]? ToArray() => _users.Count == 0 ? null : _users.ToArray();
    }
}
