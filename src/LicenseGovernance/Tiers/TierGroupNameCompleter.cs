using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>Completes tier group names from the connected tenant.</summary>
    public sealed class TierGroupNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = EngineCompletion.Prefix(wordToComplete);
            var request = new GetTierGroupRequest { Name = new[] { WildcardPattern.Escape(prefix) + "*" } };
            return EngineCompletion.Collect<LicenseTierGroup>((engine, sink) => engine.GetTierGroupsAsync(request, sink))
                .Where(t => EngineCompletion.Matches(t.DisplayName, prefix))
                .Select(t => EngineCompletion.Result(t.DisplayName, "Rank " + t.TierRank + ": " + t.SkuPartNumbers));
        }
    }
}
