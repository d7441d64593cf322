using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Completes users and/or groups of the connected tenant from what was typed: a short prefix query to Graph, nothing
    /// when not connected (so PowerShell's file names are not offered for a user either).
    /// </summary>
    public abstract class DirectoryNameCompleter : IArgumentCompleter
    {
        private readonly bool _users;
        private readonly bool _groups;

        private protected DirectoryNameCompleter(bool users, bool groups)
        {
            _users = users;
            _groups = groups;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var request = new DirectoryNameRequest { Prefix = EngineCompletion.Prefix(wordToComplete), Users = _users, Groups = _groups };
            return EngineCompletion.Collect<DirectoryName>((engine, sink) => engine.FindDirectoryNamesAsync(request, sink))
                .GroupBy(n => n.Name, System.StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .OrderBy(n => n.Name, System.StringComparer.OrdinalIgnoreCase)
                .Select(n => EngineCompletion.Result(n.Name, n.Kind + ": " + (n.DisplayName ?? n.Name)));
        }
    }

    /// <summary>Completes user principal names (-User).</summary>
    public sealed class UserNameCompleter : DirectoryNameCompleter
    {
        public UserNameCompleter() : base(users: true, groups: false)
        {
        }
    }

    /// <summary>Completes group display names (-RequestorGroup).</summary>
    public sealed class GroupNameCompleter : DirectoryNameCompleter
    {
        public GroupNameCompleter() : base(users: false, groups: true)
        {
        }
    }

    /// <summary>Completes users and groups alike (-Approver, -Reviewer take either).</summary>
    public sealed class PrincipalNameCompleter : DirectoryNameCompleter
    {
        public PrincipalNameCompleter() : base(users: true, groups: true)
        {
        }
    }
}
