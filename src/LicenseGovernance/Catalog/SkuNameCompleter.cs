using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Catalog
{
    /// <summary>Completes the part numbers of the tenant's subscribed SKUs, with the product name as the tooltip.</summary>
    public sealed class SkuNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = EngineCompletion.Prefix(wordToComplete);
            return EngineCompletion.Collect<LicenseSku>((engine, sink) => engine.GetSkusAsync(new GetLicenseSkuRequest(), sink))
                .Where(s => EngineCompletion.Matches(s.SkuPartNumber, prefix))
                .OrderBy(s => s.SkuPartNumber, System.StringComparer.OrdinalIgnoreCase)
                .Select(s => EngineCompletion.Result(s.SkuPartNumber, s.ProductName));
        }
    }
}
